import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DataDirLockedError } from './data-dir-locked-error.ts'

/**
 * Takes the data directory for this process (creating it if needed) and
 * returns the function that lets it go. A lock left by a process that has
 * died — killed with -9, say — is taken over.
 *
 * @example
 *   const unlock = lockDataDir('/data')
 *   unlock()
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true })
  const path = join(dataDir, 'LOCK')
  for (;;) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' })
      return () => rmSync(path, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const holder = Number.parseInt(readOrEmpty(path), 10)
    if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder))
      throw new DataDirLockedError(dataDir, holder)
    rmSync(path, { force: true })
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
