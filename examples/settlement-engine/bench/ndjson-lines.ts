import type { Readable } from 'node:stream'

const NEWLINE = 10

/**
 * Calls `onLine` for every complete non-empty line of a byte stream with the
 * chunk and the line's bounds, without decoding it: the bench's client reads
 * 12 million lines on the same two cores as the engine, so it reads bytes and
 * decodes only the lines it keeps (`lineText`).
 *
 * @example
 *   declare const response: import('node:http').IncomingMessage
 *   let count = 0
 *   await eachLine(response, () => count++)
 */
export async function eachLine(
  stream: Readable,
  onLine: (chunk: Buffer, start: number, end: number) => void,
): Promise<void> {
  let rest: Buffer | undefined
  for await (const received of stream as AsyncIterable<Buffer>) {
    const chunk = rest === undefined ? received : Buffer.concat([rest, received])
    let start = 0
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      if (end > start) onLine(chunk, start, end)
      start = end + 1
    }
    rest = start < chunk.length ? chunk.subarray(start) : undefined
  }
  if (rest !== undefined) onLine(rest, 0, rest.length)
}

/**
 * Whether the line `chunk[start, end)` starts with `prefix`'s bytes.
 *
 * @example
 *   startsWith(Buffer.from('{"ok":true}'), 0, 11, Buffer.from('{"ok":true')) // true
 */
export function startsWith(chunk: Buffer, start: number, end: number, prefix: Buffer): boolean {
  return end - start >= prefix.length && chunk.compare(prefix, 0, prefix.length, start, start + prefix.length) === 0
}

/**
 * The line's text, for the few lines a report quotes.
 *
 * @example
 *   lineText(Buffer.from('a\nb'), 2, 3) // 'b'
 */
export function lineText(chunk: Buffer, start: number, end: number): string {
  return chunk.toString('utf8', start, end)
}

/**
 * Calls `onLines` with how many lines each chunk of a stream completed (empty
 * lines count too): for a follower that only counts.
 *
 * @example
 *   declare const response: import('node:http').IncomingMessage
 *   let count = 0
 *   await countLines(response, (lines) => (count += lines))
 */
export async function countLines(stream: Readable, onLines: (lines: number) => void): Promise<void> {
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let lines = 0
    for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, at + 1)) lines++
    if (lines > 0) onLines(lines)
  }
}
