// Whether a replica's app answers HTTP yet. A TCP connect is not enough: a
// published port is docker-proxy's, which accepts at once and resets the
// connection while the app behind it is not listening yet.
import { request } from 'node:http'
import type { BackendAddress } from './replica.ts'

/** Asks once whether the app at `address` answers; resolves false on any failure, never rejects. */
export type Probe = (address: BackendAddress, signal: AbortSignal) => Promise<boolean>

/** How long one probe waits for an answer before counting as a failure. */
export const PROBE_TIMEOUT_MS = 1_000

/**
 * `HEAD /` to the replica: true on any HTTP answer, whatever its status (the app is listening), false on a refused,
 * reset or silent connection.
 *
 * @example
 *   const answers = await probeHttp({ host: '127.0.0.1', port: 32768 }, new AbortController().signal)
 *   // → false while docker-proxy resets, true once the app listens
 */
export const probeHttp: Probe = (address, signal) =>
  new Promise((resolve) => {
    const req = request(
      {
        host: address.host,
        port: address.port,
        method: 'HEAD',
        path: '/',
        agent: false,
        signal,
        timeout: PROBE_TIMEOUT_MS,
        headers: { 'user-agent': 'parlance-load-balancer-probe', connection: 'close' },
      },
      (res) => {
        res.resume()
        req.destroy()
        resolve(true)
      },
    )
    req.on('timeout', () => req.destroy(new Error('no answer')))
    req.on('error', () => resolve(false))
    req.end()
  })
