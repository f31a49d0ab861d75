// The proxy on its port: an http.Server with the proxy handler mounted and a
// drain tracked from the start. The single process and each worker start it alike.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { BalancingStrategy } from '../balancing/index.ts'
import type { BackendRegistry } from '../discovery/index.ts'
import { trackForDrain, type DrainOutcome } from './drain-server.ts'
import { createProxyHandler, type ProxyHandler } from './proxy-handler.ts'

/** Where the proxy listens and how it forwards. */
export interface ProxySettings {
  port: number
  host: string
  strategy: BalancingStrategy
  bodyLimit: number
  /** How long to wait for a backend's response headers. */
  timeoutMs: number
}

/** A listening proxy. */
export interface ProxyServer {
  readonly url: string
  readonly proxy: ProxyHandler
  /**
   * Stops accepting at once, lets the requests in flight finish (those left after `deadlineMs` are cut, and `log`
   * says so), then closes the connections to the backends.
   */
  stop(deadlineMs: number, log: (message: string) => void): Promise<DrainOutcome>
}

/**
 * Starts the proxy on `settings.port` (shared with the other workers under node:cluster); rejects if it cannot listen.
 *
 * @example
 *   import { BackendRegistry } from '../discovery/index.ts'
 *   const settings: ProxySettings = {
 *     port: 0,
 *     host: '127.0.0.1',
 *     strategy: 'round-robin',
 *     bodyLimit: 1_048_576,
 *     timeoutMs: 30_000,
 *   }
 *   const { url, stop } = await startProxyServer(new BackendRegistry(), settings, console.error)
 *   url // 'http://127.0.0.1:40123'; later: await stop(10_000, console.error)
 */
export async function startProxyServer(
  registry: BackendRegistry,
  settings: ProxySettings,
  log: (message: string) => void,
): Promise<ProxyServer> {
  const proxy = createProxyHandler({
    registry,
    strategy: settings.strategy,
    timeouts: { headersMs: settings.timeoutMs },
    bodyLimit: settings.bodyLimit,
    log,
  })
  const server = createServer()
  // Tracked before the proxy listens, so a drain can still ask keep-alive clients to close.
  const drainer = trackForDrain(server)
  server.on('request', proxy)
  try {
    const url = urlOf(await listen(server, settings.port, settings.host))
    const stop = async (deadlineMs: number, say: (message: string) => void): Promise<DrainOutcome> => {
      const outcome = await drainer.drain(deadlineMs)
      if (outcome === 'timed-out') say(`requests still in flight after ${deadlineMs} ms; closing them`)
      proxy.close()
      return outcome
    }
    return { url, proxy, stop }
  } catch (error) {
    proxy.close()
    throw cannotListen(error as NodeJS.ErrnoException, settings)
  }
}

// The same words whether this process bound the port or node:cluster's primary did for a worker ("bind EADDRINUSE").
function cannotListen(error: NodeJS.ErrnoException, { host, port }: ProxySettings): Error {
  const where = `${host.includes(':') ? `[${host}]` : host}:${port}`
  const why =
    error.code === 'EADDRINUSE'
      ? 'the address is in use by another program; stop it or choose another --port'
      : error.code === 'EACCES'
        ? 'permission denied; ports below 1024 need root or CAP_NET_BIND_SERVICE, choose another --port'
        : error.code === 'EADDRNOTAVAIL'
          ? 'no network interface has that address; choose another --host'
          : error.message
  return new Error(`the proxy cannot listen on ${where}: ${why}`, { cause: error })
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve(server.address() as AddressInfo))
  })
}

function urlOf({ address, port }: AddressInfo): string {
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`
}
