import { open } from 'node:fs/promises'
import { LineSplitter } from '../stream/line-splitter.ts'
import { hasChecksum, verifyChecksums } from './checksum-lines.ts'
import { LogCorruptError } from './log-corrupt-error.ts'
import { RefusedLogLine } from './refused-log-line.ts'

/**
 * How the log's lines are written: `checksummed`, each with its CRC-32 (see
 * `withChecksums`), or `legacy`, plain JSON lines as logs were written before.
 */
export type LogFormat = 'checksummed' | 'legacy'

/** What a replay read. */
export interface ReplaySummary {
  /** Bytes of the log kept. */
  bytes: number
  /** Bytes of a torn last line dropped from the end of the file (0 when none). */
  droppedBytes: number
  /** The form of the log's lines; an empty log is `checksummed`, the form it will be written in. */
  format: LogFormat
}

const readSize = 4 << 20

/**
 * Reads the command log from the start and hands it to `applyBlock` in blocks
 * of complete command lines, in order, checksums verified and cut off. Only a
 * last line without its newline is a write torn by a crash: it was never
 * acknowledged (an acknowledgement waits for the whole line to be on disk),
 * so it is dropped and cut from the file before anything is appended. Any
 * complete line, the last included, whose checksum does not match, or that
 * `applyBlock` refuses, is corruption (LogCorruptError): dropping it could
 * take back what was acknowledged and settlement numbers already published.
 *
 * A log whose first line has no checksum is `legacy`: its lines are replayed
 * as plain JSON, and a line with a checksum among them is corruption.
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
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { bytes: 0, droppedBytes: 0, format: 'checksummed' }
    throw error
  }
  try {
    const size = (await handle.stat()).size
    const splitter = new LineSplitter(Number.MAX_SAFE_INTEGER)
    let format: LogFormat | undefined
    let position = 0
    let linesBefore = 0
    while (position < size) {
      const chunk = Buffer.allocUnsafe(Math.min(readSize, size - position))
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position)
      if (bytesRead === 0) break
      position += bytesRead
      const block = splitter.push(chunk.subarray(0, bytesRead))
      if (block === undefined) continue
      format ??= hasChecksum(block, 0) ? 'checksummed' : 'legacy'
      const commands = format === 'legacy' ? block : verifyChecksums(block)
      if (!Buffer.isBuffer(commands)) throw new LogCorruptError(path, linesBefore + commands.line + 1, commands.reason)
      try {
        applyBlock(commands)
      } catch (error) {
        if (!(error instanceof RefusedLogLine)) throw error
        const line = linesBefore + countNewlines(commands, error.lineStart) + 1
        const reason =
          format === 'legacy' && hasChecksum(commands, error.lineStart)
            ? 'it has a checksum, but the first line of the log has none; a log holds lines of one form only'
            : error.message
        throw new LogCorruptError(path, line, reason, { cause: error })
      }
      linesBefore += countNewlines(commands, commands.length)
    }
    const torn = splitter.end()
    const summary = { bytes: size, droppedBytes: 0, format: format ?? 'checksummed' }
    if (torn === undefined) return summary
    const keep = size - torn.length
    await handle.truncate(keep)
    await handle.datasync()
    return { ...summary, bytes: keep, droppedBytes: torn.length }
  } finally {
    await handle.close()
  }
}

function countNewlines(block: Buffer, before: number): number {
  let count = 0
  for (let at = block.indexOf(10); at !== -1 && at < before; at = block.indexOf(10, at + 1)) count++
  return count
}
