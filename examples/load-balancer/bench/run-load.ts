// One autocannon run against one target, as the figures the report shows.
import autocannon from 'autocannon'
import type { LoadFigures } from './load-figures.ts'

/** Where to send load and how much. */
export interface LoadOptions {
  url: string
  /** The Host header, when the target routes by it. */
  host?: string
  connections: number
  seconds: number
  /** Requests per second from all connections together; as fast as answers come when unset. */
  overallRate?: number
}

/** A run in progress: `figures` settles when it ends or is stopped. */
export interface LoadRun {
  readonly figures: Promise<LoadFigures>
  stop(): void
}

/**
 * Starts autocannon; each request waits at most 5 s for its answer.
 *
 * @example
 *   const run = runLoad({ url: 'http://127.0.0.1:8080/', host: 'shop.bench', connections: 32, seconds: 10 })
 *   const { requestsPerSecond } = await run.figures // 9876
 */
export function runLoad(options: LoadOptions): LoadRun {
  let instance: ReturnType<typeof autocannon> | undefined
  const figures = new Promise<LoadFigures>((resolve, reject) => {
    instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        timeout: 5,
        headers: options.host === undefined ? {} : { host: options.host },
        ...(options.overallRate === undefined ? {} : { overallRate: options.overallRate }),
      },
      (error, result) => {
        if (error !== null)
          return reject(
            new Error(`autocannon against ${options.url} failed to start: ${error.message}`, { cause: error }),
          )
        const answered = result['2xx'] + result.non2xx
        resolve({
          requestsPerSecond: answered / result.duration,
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          ok: result['2xx'],
          non2xx: result.non2xx,
          errors: result.errors,
          seconds: result.duration,
        })
      },
    )
  })
  return { figures, stop: () => instance?.stop() }
}
