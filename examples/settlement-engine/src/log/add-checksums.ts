import { link, open, rename, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { LineSplitter } from '../stream/line-splitter.ts'
import { withChecksums } from './checksum-lines.ts'

const readSize = 4 << 20

/**
 * Rewrites a `legacy` log (plain JSON lines, replayed already, its torn tail
 * cut) with a checksum on every line, atomically: the new form is written to
 * `<log>.tmp` and synced, the original is kept as `<log>.pre-checksum` (a
 * hard link, no copy), then the new file is renamed over the log and the
 * directory synced. A crash at any point leaves the whole of one form or the
 * other in place; the next start finishes the job. Returns where the
 * original is kept.
 *
 * @example
 *   const kept = await addChecksums('/data/commands.ndjson') // '/data/commands.ndjson.pre-checksum'
 */
export async function addChecksums(path: string): Promise<string> {
  const kept = `${path}.pre-checksum`
  const temporary = `${path}.tmp`
  const out = await open(temporary, 'w')
  try {
    const input = await open(path, 'r')
    try {
      const splitter = new LineSplitter(Number.MAX_SAFE_INTEGER)
      const chunk = Buffer.allocUnsafe(readSize)
      for (let read = await input.read(chunk); read.bytesRead > 0; read = await input.read(chunk)) {
        const block = splitter.push(chunk.subarray(0, read.bytesRead))
        if (block !== undefined) await out.write(withChecksums(block))
      }
    } finally {
      await input.close()
    }
    await out.sync()
  } finally {
    await out.close()
  }
  await keepOriginal(path, kept)
  await rename(temporary, path)
  const dir = await open(dirname(path), 'r')
  try {
    await dir.sync()
  } finally {
    await dir.close()
  }
  return kept
}

async function keepOriginal(path: string, kept: string): Promise<void> {
  try {
    await link(path, kept)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    // Left by a start that stopped between keeping the original and the rename: the same file.
    if ((await stat(kept)).ino === (await stat(path)).ino) return
    throw new Error(
      `cannot add checksums to the command log ${path}: the original would be kept as ${kept}, but another ` +
        `file has that name. Move it aside and start again.`,
      { cause: error },
    )
  }
}
