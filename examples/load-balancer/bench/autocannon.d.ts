// The part of autocannon 9's API the benchmark uses; the package ships no types.
declare module 'autocannon' {
  interface Histogram {
    average: number
    p50: number
    p99: number
    total: number
    sent: number
  }
  interface Result {
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    '2xx': number
    latency: Histogram
    requests: Histogram
  }
  interface Options {
    url: string
    connections?: number
    duration?: number
    /** Seconds to wait for each response. */
    timeout?: number
    headers?: Record<string, string>
    overallRate?: number
  }
  interface Instance {
    stop(): void
    on(event: 'done', listener: (result: Result) => void): this
  }
  function autocannon(options: Options, callback: (error: Error | null, result: Result) => void): Instance
  export default autocannon
  export type { Result, Options, Instance }
}
