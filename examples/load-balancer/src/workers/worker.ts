// One worker process of `--workers N`: a proxy on the shared port, routing by
// a copy of the primary's registry. It has its own balancers, in-flight counts
// and down marks (as each nginx worker has), and no discovery or admin port.
import { BackendRegistry } from '../discovery/index.ts'
import {
  figuresOf,
  startProxyServer,
  type ProxyFigures,
  type ProxyHandler,
  type ProxySettings,
} from '../proxy/index.ts'
import { isToWorker, type FromWorker } from './worker-messages.ts'

/**
 * Runs this process as a worker until the primary says drain, a signal comes, or the primary is gone; resolves with
 * the exit code once the requests in flight are finished (or `drainMs` cut them off).
 *
 * @example
 *   import cluster from 'node:cluster'
 *   const settings = { port: 8080, host: '127.0.0.1', strategy: 'round-robin' as const, bodyLimit: 1_048_576,
 *     timeoutMs: 30_000 }
 *   if (cluster.isWorker) process.exitCode = await runWorker(settings, 10_000)
 */
export async function runWorker(settings: ProxySettings, drainMs: number): Promise<number> {
  const send = (message: FromWorker): void => {
    if (process.connected) process.send?.(message)
  }
  const log = (message: string): void => void process.stderr.write(`load-balancer: worker ${process.pid}: ${message}\n`)
  const registry = new BackendRegistry()
  let mirrored: () => void = () => {}
  const firstRegistry = new Promise<void>((resolve) => (mirrored = resolve))
  let stop: () => void = () => {}
  const stopped = new Promise<void>((resolve) => (stop = resolve))
  let proxy: ProxyHandler | undefined
  process.on('message', (message: unknown) => {
    if (!isToWorker(message)) return
    if (message.type === 'registry') {
      registry.mirror(message.snapshot)
      mirrored()
    } else if (message.type === 'figures?') {
      send({ type: 'figures', id: message.id, figures: proxy === undefined ? NO_FIGURES : figuresOf(proxy) })
    } else stop()
  })
  // Ctrl-C reaches the whole process group; a primary killed outright closes the channel.
  process.once('SIGTERM', () => stop())
  process.once('SIGINT', () => stop())
  process.once('disconnect', () => stop())
  send({ type: 'ready' })
  // No request is proxied before the first registry: it would find every Host unknown.
  if ((await Promise.race([firstRegistry.then(() => 'mirrored'), stopped.then(() => 'stopped')])) === 'stopped')
    return 0
  let server
  try {
    server = await startProxyServer(registry, settings, (message) => log(`proxy: ${message}`))
  } catch (error) {
    send({ type: 'failed', message: (error as Error).message })
    return 1
  }
  proxy = server.proxy
  send({ type: 'listening', url: server.url })
  await stopped
  const outcome = await server.stop(drainMs, log)
  send({ type: 'drained', outcome })
  return 0
}

/** A worker's figures before its proxy listens. */
const NO_FIGURES: ProxyFigures = { metrics: { responses: {}, retries: 0, errors: {}, forwarded: {} }, inFlight: {} }
