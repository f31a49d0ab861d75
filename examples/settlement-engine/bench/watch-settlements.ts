import { request, type ClientRequest } from 'node:http'
import { countLines } from './ndjson-lines.ts'

/**
 * Follows `GET /settlements` from the start and resolves once `expected`
 * settlements have arrived (or rejects at the deadline), with the time the
 * last one arrived.
 *
 * @example
 *   const watch = watchSettlements('http://127.0.0.1:8080')
 *   const { count, lastAt } = await watch.until(6_200_000, 120_000)
 */
export function watchSettlements(baseUrl: string): {
  count(): number
  until(expected: number, timeoutMs: number): Promise<{ count: number; lastAt: number }>
  stop(): void
} {
  let count = 0
  let lastAt = 0
  let waiter: { expected: number; resolve: (v: { count: number; lastAt: number }) => void } | undefined
  let req: ClientRequest | undefined
  const check = (): void => {
    if (waiter && count >= waiter.expected) waiter.resolve({ count, lastAt })
  }
  req = request(`${baseUrl}/settlements?after=0`, (res) => {
    void countLines(res, (lines) => {
      count += lines
      lastAt = performance.now()
      check()
    }).catch(() => {})
  })
  req.on('error', () => {})
  req.end()
  return {
    count: () => count,
    until: (expected, timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`only ${count} of ${expected} settlements arrived within ${timeoutMs / 1000} s`)),
          timeoutMs,
        )
        waiter = { expected, resolve: (value) => (clearTimeout(timer), resolve(value)) }
        check()
      }),
    stop: () => req?.destroy(),
  }
}
