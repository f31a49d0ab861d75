import type { Readable } from 'node:stream'

/**
 * Calls `onLine` for every complete line of a stream of text, without
 * building an array of them.
 *
 * @example
 *   declare const response: import('node:http').IncomingMessage
 *   let count = 0
 *   await eachLine(response, (line) => count++)
 */
export async function eachLine(stream: Readable, onLine: (line: string) => void): Promise<void> {
  let rest = ''
  stream.setEncoding('utf8')
  for await (const chunk of stream as AsyncIterable<string>) {
    const text = rest + chunk
    let start = 0
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      if (end > start) onLine(text.slice(start, end))
      start = end + 1
    }
    rest = text.slice(start)
  }
  if (rest) onLine(rest)
}
