import { open } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { explainFileSystemError, FileSystemFailure, type FileSystemAction } from './file-system-failure.ts'

const lockFile: FileSystemAction = { verb: 'create', what: 'the lock file', path: '/d/LOCK', directory: '/d' }
const commandLog: FileSystemAction = { what: 'the command log', path: '/d/commands.ndjson', directory: '/d' }

// The errors node's fs throws, as the tests cannot provoke them as root on a roomy disk.
function systemError(code: string, description: string, syscall: string, path?: string): NodeJS.ErrnoException {
  const where = path === undefined ? syscall : `${syscall} '${path}'`
  return Object.assign(new Error(`${code}: ${description}, ${where}`), { code, syscall, errno: -1, path })
}

describe('explainFileSystemError', () => {
  it.each([
    [
      systemError('EACCES', 'permission denied', 'open', '/d/LOCK'),
      'cannot create the lock file /d/LOCK: permission denied (EACCES). Give the user running the engine write ' +
        'access to /d, or pick another --data-dir',
    ],
    [
      systemError('EPERM', 'operation not permitted', 'open', '/d/LOCK'),
      'cannot create the lock file /d/LOCK: operation not permitted (EPERM). Give the user running the engine write ' +
        'access to /d, or pick another --data-dir',
    ],
    [
      systemError('EROFS', 'read-only file system', 'open', '/d/LOCK'),
      'cannot create the lock file /d/LOCK: read-only file system (EROFS). /d is on a read-only file system: ' +
        'remount it read-write, or pick a --data-dir on a writable one',
    ],
    [
      systemError('ENOSPC', 'no space left on device', 'open', '/d/LOCK'),
      'cannot create the lock file /d/LOCK: no space left on device (ENOSPC). Free space on the disk holding /d, ' +
        'or move the data directory to a bigger disk and point --data-dir at it',
    ],
    [
      systemError('EDQUOT', 'disk quota exceeded', 'open', '/d/LOCK'),
      'cannot create the lock file /d/LOCK: disk quota exceeded (EDQUOT). Free space within the disk quota of the ' +
        'user running the engine, or raise it, or move the data directory to another disk and point --data-dir at it',
    ],
    [
      systemError('EMFILE', 'too many open files', 'open', '/d/LOCK'),
      'cannot create the lock file /d/LOCK: too many open files (EMFILE). Too many files are open: raise the ' +
        'open-file limit (ulimit -n) and start the engine again',
    ],
    [
      systemError('ELOOP', 'too many symbolic links encountered', 'open', '/d/LOCK'),
      'cannot create the lock file /d/LOCK: too many symbolic links encountered (ELOOP). Check /d/LOCK and the ' +
        'disk holding it, or pick another --data-dir',
    ],
  ])('names the action, the path, the errno and the fix: %s', (error, message) => {
    expect(explainFileSystemError(error, lockFile)).toEqual(new FileSystemFailure(lockFile, error))
    expect((explainFileSystemError(error, lockFile) as Error).message).toBe(message)
  })

  it.each([
    ['writev', 'ENOSPC', 'no space left on device', 'cannot write to the command log'],
    ['fdatasync', 'EIO', 'i/o error', 'cannot flush the command log'],
    ['ftruncate', 'EROFS', 'read-only file system', 'cannot truncate the command log'],
    ['read', 'EIO', 'i/o error', 'cannot read the command log'],
    ['fchown', 'EIO', 'i/o error', 'cannot use the command log'],
  ])('reads what the engine was doing from the system call: %s', (syscall, code, description, doing) => {
    const failure = explainFileSystemError(systemError(code, description, syscall), commandLog) as Error
    expect(failure.message.startsWith(`${doing} /d/commands.ndjson: ${description} (${code}). `)).toBe(true)
  })

  it('finds the system error in the cause chain of a wrapped one', () => {
    const cause = systemError('ENOSPC', 'no space left on device', 'writev')
    const wrapped = new Error('writing the command log /d/commands.ndjson failed: ENOSPC', { cause })
    const failure = explainFileSystemError(wrapped, commandLog) as FileSystemFailure
    expect(failure.message).toBe(
      'cannot write to the command log /d/commands.ndjson: no space left on device (ENOSPC). Free space on the ' +
        'disk holding /d, or move the data directory to a bigger disk and point --data-dir at it',
    )
    expect(failure.code).toBe('ENOSPC')
    expect(failure.cause).toBe(cause)
  })

  it('explains what node itself throws for a directory where a file should be', async () => {
    const error = await open(import.meta.dirname, 'r+').catch((error: unknown) => error)
    const path = import.meta.dirname
    expect((explainFileSystemError(error, { ...commandLog, path }) as Error).message).toBe(
      `cannot open the command log ${path}: illegal operation on a directory (EISDIR). ${path} is a directory ` +
        'where the engine keeps a file: move it away, or pick another --data-dir',
    )
  })

  it('leaves errors that are not the file system’s alone', () => {
    const error = new Error('the log is corrupt at line 3')
    expect(explainFileSystemError(error, commandLog)).toBe(error)
    expect(explainFileSystemError('a string', commandLog)).toBe('a string')
    const failure = explainFileSystemError(systemError('EIO', 'i/o error', 'read'), commandLog)
    expect(explainFileSystemError(failure, lockFile)).toBe(failure)
  })
})
