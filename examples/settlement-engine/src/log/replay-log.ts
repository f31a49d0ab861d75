import { open, type FileHandle } from 'node:fs/promises'
import { LineSplitter } from '../stream/line-splitter.ts'
import { LogCorruptError } from './log-corrupt-error.ts'
import { RefusedLogLine } from './refused-log-line.ts'

/** What a replay read. */
export interface ReplaySummary {
  /** Bytes of the log kept. */
  bytes: number
  /** Bytes of a torn last line dropped from the end of the file (0 when none). */
  droppedBytes: number
}

const readSize = 4 << 20

/**
 * Reads the command log from the start and hands it to `applyBlock` in blocks
 * of complete lines, in order. A last line without its newline, or a last
 * line that is not JSON, is a write torn by a crash: it was never
 * acknowledged, so it is dropped and cut from the file before anything is
 * appended. A refused line anywhere else is corruption (LogCorruptError).
 *
 * @example
 *   declare const applier: import('../engine/apply-block.ts').BlockApplier
 *   import { RefusedLogLine } from './refused-log-line.ts'
 *   const summary = await replayLog('/data/commands.ndjson', (block) =>
 *     applier.apply(block, undefined, (lineStart, refusal) => {
 *       throw new RefusedLogLine(lineStart, refusal.error.code, refusal.error.message)
 *     }),
 *   )
 *   summary.droppedBytes // 0
 */
export async function replayLog(path: string, applyBlock: (block: Buffer) => void): Promise<ReplaySummary> {
  let handle
  try {
    handle = await open(path, 'r+')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { bytes: 0, droppedBytes: 0 }
    throw error
  }
  try {
    const size = (await handle.stat()).size
    const splitter = new LineSplitter(Number.MAX_SAFE_INTEGER)
    let position = 0
    let linesBefore = 0
    let blockOffset = 0
    while (position < size) {
      const chunk = Buffer.allocUnsafe(Math.min(readSize, size - position))
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position)
      if (bytesRead === 0) break
      position += bytesRead
      const block = splitter.push(chunk.subarray(0, bytesRead))
      if (block === undefined) continue
      try {
        applyBlock(block)
      } catch (error) {
        if (!(error instanceof RefusedLogLine)) throw error
        const lastLine = position >= size && block.indexOf(10, error.lineStart) === block.length - 1
        if (lastLine && error.code === 'invalid-json')
          return await dropTail(handle, blockOffset + error.lineStart, size)
        const line = linesBefore + countNewlines(block, error.lineStart) + 1
        throw new LogCorruptError(path, line, error.message, { cause: error })
      }
      linesBefore += countNewlines(block, block.length)
      blockOffset += block.length
    }
    const torn = splitter.end()
    if (torn !== undefined) return await dropTail(handle, size - torn.length, size)
    return { bytes: size, droppedBytes: 0 }
  } finally {
    await handle.close()
  }
}

function countNewlines(block: Buffer, before: number): number {
  let count = 0
  for (let at = block.indexOf(10); at !== -1 && at < before; at = block.indexOf(10, at + 1)) count++
  return count
}

async function dropTail(handle: FileHandle, keep: number, size: number): Promise<ReplaySummary> {
  await handle.truncate(keep)
  await handle.datasync()
  return { bytes: keep, droppedBytes: size - keep }
}
