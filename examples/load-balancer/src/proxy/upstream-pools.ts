// Keep-alive connections to the backends: one undici Pool per replica address,
// made on first use and closed once no replica listens there any more.
import type { Socket } from 'node:net'
import { buildConnector, Pool } from 'undici'
import type { BackendAddress } from '../discovery/index.ts'

/**
 * The connection pools to every backend address the proxy has sent to.
 *
 * @example
 *   const pools = new UpstreamPools(30_000)
 *   declare const options: import('undici').Dispatcher.DispatchOptions,
 *     handler: import('undici').Dispatcher.DispatchHandler
 *   pools.poolFor({ host: '127.0.0.1', port: 8081 }).dispatch(options, handler) // later: pools.destroy()
 */
export class UpstreamPools {
  readonly #pools = new Map<string, Pool>()
  readonly #connect: buildConnector.connector
  readonly #headersTimeoutMs: number

  /** `headersTimeoutMs`: how long a request waits for its response headers before it fails as timed out. */
  constructor(headersTimeoutMs: number) {
    this.#headersTimeoutMs = headersTimeoutMs
    const connect = buildConnector({})
    this.#connect = (options, callback) =>
      connect(options, (...args) => {
        // Registered before undici's own listener, so the error it hands on already says so.
        args[1]?.on('error', noteBytesRead)
        callback(...args)
      })
  }

  /** The pool for `address`, made on first use. */
  poolFor(address: BackendAddress): Pool {
    const key = addressKey(address)
    const existing = this.#pools.get(key)
    if (existing !== undefined) return existing
    const host = address.host.includes(':') && !address.host.startsWith('[') ? `[${address.host}]` : address.host
    // Pipelining 1: a request never waits behind another on one socket. The
    // headers timeout is undici's: one timer per socket, refreshed, not one
    // made and cleared per request (the proxy answers 504 on it). No body
    // timeout: a response may take as long as the backend streams it.
    const pool = new Pool(`http://${host}:${address.port}`, {
      pipelining: 1,
      headersTimeout: this.#headersTimeoutMs,
      bodyTimeout: 0,
      connect: this.#connect,
    })
    this.#pools.set(key, pool)
    return pool
  }

  /** Closes the pools of addresses not in `live`, once their requests in flight are done. */
  keepOnly(live: ReadonlySet<string>): void {
    for (const [key, pool] of this.#pools) {
      if (live.has(key)) continue
      this.#pools.delete(key)
      pool.close().catch(() => {})
    }
  }

  /** Closes every connection now, in flight or idle. */
  destroy(): void {
    for (const pool of this.#pools.values()) pool.destroy().catch(() => {})
    this.#pools.clear()
  }
}

/** A socket error as undici passes it on, with how much the socket had read before it failed. */
export type SocketErrorWithBytesRead = Error & { code?: string; bytesRead?: number }

// A reset or broken pipe comes to undici raw, without the socket; how much the
// socket had read tells a kept-alive one, closed while idle, from a fresh one.
function noteBytesRead(this: Socket, error: SocketErrorWithBytesRead): void {
  error.bytesRead = this.bytesRead
}

/** The key `keepOnly` knows an address by. */
export function addressKey(address: BackendAddress): string {
  return `${address.host}:${address.port}`
}
