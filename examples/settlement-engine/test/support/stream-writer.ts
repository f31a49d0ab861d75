import { request, type ClientRequest } from 'node:http'

/** A POST /stream in progress: lines go out in paced chunks, outcome lines come back. */
export interface PacedStream {
  /** Outcome lines received so far: each is an acknowledgement. */
  outcomes: string[]
  /** Resolves when the answer ends or the connection breaks. */
  done: Promise<void>
  abort(): void
}

/**
 * Streams lines to POST /stream, `perChunk` at a time with a pause between
 * chunks, so that a test can kill the engine part way through.
 *
 * @example
 *   const lines = ['{"type":"void","event":"R1"}']
 *   const stream = pacedStream('http://127.0.0.1:8080', lines, 50, 2)
 *   await stream.done
 */
export function pacedStream(baseUrl: string, lines: string[], perChunk: number, pauseMs: number): PacedStream {
  const outcomes: string[] = []
  let req: ClientRequest | undefined
  const done = new Promise<void>((resolve) => {
    req = request(
      `${baseUrl}/stream`,
      { method: 'POST', headers: { 'content-type': 'application/x-ndjson' } },
      (res) => {
        let rest = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          const parts = (rest + chunk).split('\n')
          rest = parts.pop()!
          outcomes.push(...parts)
        })
        res.on('close', () => resolve())
        res.on('error', () => resolve())
      },
    )
    req.on('error', () => resolve())
    let at = 0
    const next = (): void => {
      if (req!.destroyed) return
      if (at >= lines.length) return void req!.end()
      const chunk = lines.slice(at, at + perChunk).join('\n') + '\n'
      at += perChunk
      req!.write(chunk, () => setTimeout(next, pauseMs))
    }
    next()
  })
  return { outcomes, done, abort: () => req?.destroy() }
}
