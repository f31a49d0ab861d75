import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { lockDataDir } from './data-dir-lock.ts'
import { DataDirLockedError } from './data-dir-locked-error.ts'

// Root may write anywhere: a refused lock file is injected.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>()
  return { ...fs, mkdirSync: vi.fn(fs.mkdirSync), writeFileSync: vi.fn(fs.writeFileSync) }
})

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lock-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('lockDataDir', () => {
  it('creates the directory, holds it with its pid and lets it go', () => {
    const data = join(dir, 'data')
    const unlock = lockDataDir(data)
    expect(readFileSync(join(data, 'LOCK'), 'utf8')).toBe(`${process.pid}\n`)
    unlock()
    lockDataDir(data)()
  })

  it('refuses a directory a live process holds', () => {
    writeFileSync(join(dir, 'LOCK'), `${process.ppid}\n`)
    expect(() => lockDataDir(dir)).toThrow(new DataDirLockedError(dir, process.ppid))
  })

  it('takes over a lock left by a process that died', () => {
    writeFileSync(join(dir, 'LOCK'), '2147483646\n')
    const unlock = lockDataDir(dir)
    expect(readFileSync(join(dir, 'LOCK'), 'utf8')).toBe(`${process.pid}\n`)
    unlock()
  })
})

describe('lockDataDir on a file system that says no', () => {
  it('names the data directory it cannot create and the fix', () => {
    const file = join(dir, 'file')
    writeFileSync(file, '')
    expect(() => lockDataDir(join(file, 'data'))).toThrow(
      refusal(
        `cannot create the data directory ${file}/data: not a directory (ENOTDIR). Part of ${file}/data is a file, ` +
          'not a directory: pick another --data-dir',
      ),
    )
    expect(() => lockDataDir(file)).toThrow(
      refusal(
        `cannot create the data directory ${file}: file already exists (EEXIST). Something other than a directory ` +
          `is at ${file}: move it away, or pick another --data-dir`,
      ),
    )
  })

  it('sees through the ENOENT that node’s recursive mkdir reports on a read-only file system', () => {
    const data = join(dir, 'data')
    const systemError = (code: string, description: string): Error =>
      Object.assign(new Error(`${code}: ${description}, mkdir '${data}'`), { code, syscall: 'mkdir', path: data })
    vi.mocked(mkdirSync)
      .mockImplementationOnce(() => {
        throw systemError('ENOENT', 'no such file or directory')
      })
      .mockImplementationOnce(() => {
        throw systemError('EROFS', 'read-only file system')
      })
    expect(() => lockDataDir(data)).toThrow(
      refusal(
        `cannot create the data directory ${data}: read-only file system (EROFS). ${dir} is on a read-only file ` +
          'system: remount it read-write, or pick a --data-dir on a writable one',
      ),
    )
    expect(vi.mocked(mkdirSync).mock.calls.slice(-2)).toEqual([[data, { recursive: true }], [data]])
  })

  it('names a lock file it cannot remove and the fix', () => {
    mkdirSync(join(dir, 'LOCK'))
    expect(() => lockDataDir(dir)).toThrow(
      refusal(
        `cannot remove the stale lock file ${dir}/LOCK: is a directory (EISDIR). ${dir}/LOCK is a directory where ` +
          'the engine keeps a file: move it away, or pick another --data-dir',
      ),
    )
  })

  it('names the lock file it cannot create and the fix', () => {
    const denied = Object.assign(new Error(`EACCES: permission denied, open '${dir}/LOCK'`), {
      code: 'EACCES',
      syscall: 'open',
      path: `${dir}/LOCK`,
    })
    vi.mocked(writeFileSync).mockImplementationOnce(() => {
      throw denied
    })
    expect(() => lockDataDir(dir)).toThrow(
      refusal(
        `cannot create the lock file ${dir}/LOCK: permission denied (EACCES). Give the user running the engine write ` +
          `access to ${dir}, or pick another --data-dir`,
      ),
    )
  })
})

// The FileSystemFailure with exactly this message.
function refusal(message: string): Error {
  return expect.objectContaining({ name: 'FileSystemFailure', message })
}
