import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dataDirEachTest, runMain } from './support/engine-process.ts'

// Root may write anywhere, so these are the refusals root meets too; EACCES, EROFS and ENOSPC are
// covered by injected errors in src/log/file-system-failure.test.ts.
const tempDir = dataDirEachTest('settlement-fs-')

async function startFailure(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  const { code, stderr } = await runMain(['--port', '0', '--data-dir', dataDir])
  return { code, stderr }
}

describe('the engine on a file system that says no', () => {
  it('names a data directory it cannot create, and the fix', async () => {
    writeFileSync(join(tempDir(), 'file'), '')
    const data = join(tempDir(), 'file', 'data')
    expect(await startFailure(data)).toEqual({
      code: 1,
      stderr:
        `settlement-engine: cannot create the data directory ${data}: not a directory (ENOTDIR). Part of ${data} ` +
        'is a file, not a directory: pick another --data-dir\n',
    })
  })

  it('names a lock file it cannot take over, and the fix', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'LOCK'))
    expect(await startFailure(dir)).toEqual({
      code: 1,
      stderr:
        `settlement-engine: cannot remove the stale lock file ${dir}/LOCK: is a directory (EISDIR). ${dir}/LOCK is ` +
        'a directory where the engine keeps a file: move it away, or pick another --data-dir\n',
    })
  })

  it('names a command log it cannot open, and the fix', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'commands.ndjson'))
    expect(await startFailure(dir)).toEqual({
      code: 1,
      stderr:
        `settlement-engine: cannot open the command log ${dir}/commands.ndjson: illegal operation on a directory ` +
        `(EISDIR). ${dir}/commands.ndjson is a directory where the engine keeps a file: move it away, or pick ` +
        'another --data-dir\n',
    })
  })
})
