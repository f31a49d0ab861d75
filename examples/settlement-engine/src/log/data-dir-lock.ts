import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { DataDirLockedError } from './data-dir-locked-error.ts'
import { explainFileSystemError, type FileSystemAction } from './file-system-failure.ts'

/**
 * Takes the data directory for this process (creating it if needed) and
 * returns the function that lets it go. A lock left by a process that has
 * died — killed with -9, say — is taken over. A directory or lock file the
 * file system refuses is a FileSystemFailure that names the path and the fix.
 *
 * @example
 *   const unlock = lockDataDir('/data')
 *   unlock()
 */
export function lockDataDir(dataDir: string): () => void {
  attempt(() => createDirectory(dataDir), {
    verb: 'create',
    what: 'the data directory',
    path: dataDir,
    directory: dirname(dataDir),
  })
  const path = join(dataDir, 'LOCK')
  const lockFile = (verb: string): FileSystemAction => ({ verb, what: 'the lock file', path, directory: dataDir })
  for (;;) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' })
      return () => attempt(() => rmSync(path, { force: true }), lockFile('remove'))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw explainFileSystemError(error, lockFile('create'))
    }
    const holder = Number.parseInt(readOrEmpty(path), 10)
    if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder))
      throw new DataDirLockedError(dataDir, holder)
    attempt(() => rmSync(path, { force: true }), { ...lockFile('remove'), what: 'the stale lock file' })
  }
}

function createDirectory(path: string): void {
  try {
    mkdirSync(path, { recursive: true })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    // Node's recursive mkdir reports EROFS or ENOSPC as ENOENT: the first missing directory alone says which.
    let missing = path
    while (!existsSync(dirname(missing)) && dirname(missing) !== missing) missing = dirname(missing)
    mkdirSync(missing)
    throw error
  }
}

function attempt(act: () => unknown, action: FileSystemAction): void {
  try {
    act()
  } catch (error) {
    throw explainFileSystemError(error, action)
  }
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
