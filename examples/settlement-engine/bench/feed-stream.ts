import { createReadStream } from 'node:fs'
import { request } from 'node:http'
import { eachLine, lineText, startsWith } from './ndjson-lines.ts'

const ACCEPTED = Buffer.from('{"ok":true')

/**
 * How the engine answered a fed file: one outcome per command line.
 *
 * @example
 *   const result: FeedResult = { outcomes: 6_200_366, refused: 0, firstRefusals: [] }
 */
export interface FeedResult {
  outcomes: number
  refused: number
  firstRefusals: string[]
}

/**
 * Streams an NDJSON command file into `POST /stream` and reads the outcome
 * lines as they come back; backpressure both ways is the sockets'.
 *
 * @example
 *   const fed = await feedStream('http://127.0.0.1:40123', '/tmp/weekend.ndjson')
 */
export function feedStream(baseUrl: string, file: string): Promise<FeedResult> {
  return new Promise((resolve, reject) => {
    const result: FeedResult = { outcomes: 0, refused: 0, firstRefusals: [] }
    const req = request(
      `${baseUrl}/stream`,
      { method: 'POST', headers: { 'content-type': 'application/x-ndjson' } },
      (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`POST /stream answered ${res.statusCode}`))
          res.resume()
          return
        }
        eachLine(res, (chunk, start, end) => {
          result.outcomes++
          if (!startsWith(chunk, start, end, ACCEPTED)) {
            result.refused++
            if (result.firstRefusals.length < 5) result.firstRefusals.push(lineText(chunk, start, end))
          }
        }).then(() => resolve(result), reject)
      },
    )
    req.on('error', reject)
    createReadStream(file, { highWaterMark: 1 << 20 })
      .on('error', reject)
      .pipe(req)
  })
}
