import { request, type IncomingMessage } from 'node:http'

/**
 * POSTs NDJSON lines to `/stream` and collects the outcome lines, parsed.
 *
 * @example
 *   const outcomes = await streamCommands('http://127.0.0.1:8080', [{ type: 'void', event: 'R1' }])
 *   outcomes[0]?.ok // true
 */
export async function streamCommands(
  baseUrl: string,
  lines: Array<object | string>,
): Promise<Array<Record<string, unknown>>> {
  const body = lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n') + '\n'
  const response = await fetch(`${baseUrl}/stream`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-ndjson' },
  })
  const text = await response.text()
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line))
}

/** A follower of an NDJSON response: its lines so far, and a way to wait for more. */
export interface LineFollower {
  lines: string[]
  /** Resolves once at least `count` lines have arrived; rejects at the deadline. */
  waitFor(count: number, timeoutMs?: number): Promise<string[]>
  /** Resolves when the server ends the response. */
  ended: Promise<void>
  close(): void
}

/**
 * Opens a GET that streams NDJSON (e.g. `/settlements?after=0`) and collects its lines.
 *
 * @example
 *   const feed = await follow('http://127.0.0.1:8080', '/settlements?after=0')
 *   await feed.waitFor(3)
 */
export function follow(baseUrl: string, path: string): Promise<LineFollower & { status: number }> {
  return new Promise((resolve, reject) => {
    const req = request(baseUrl + path, (res: IncomingMessage) => {
      const lines: string[] = []
      const waiters: Array<() => void> = []
      let rest = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        const parts = (rest + chunk).split('\n')
        rest = parts.pop()!
        lines.push(...parts)
        for (const waiter of waiters.splice(0)) waiter()
      })
      const ended = new Promise<void>((done) => res.once('close', () => done()))
      resolve({
        status: res.statusCode!,
        lines,
        ended,
        close: () => req.destroy(),
        waitFor: (count, timeoutMs = 5000) =>
          new Promise((done, fail) => {
            const timer = setTimeout(
              () =>
                fail(
                  new Error(
                    `only ${lines.length} of ${count} lines arrived in ${timeoutMs} ms: ${lines.slice(-3).join(' | ')}`,
                  ),
                ),
              timeoutMs,
            )
            const check = (): void => {
              if (lines.length >= count) {
                clearTimeout(timer)
                done(lines)
              } else waiters.push(check)
            }
            check()
          }),
      })
    })
    req.on('error', reject)
    req.end()
  })
}
