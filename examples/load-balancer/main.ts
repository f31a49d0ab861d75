// The load balancer's command line: discover backends from a Docker daemon,
// proxy by Host, and serve status and metrics on a loopback admin port.
import cluster from 'node:cluster'
import { parseArgs } from 'node:util'
import { startAdminServer, type AdminServer } from './src/admin/index.ts'
import { BALANCING_STRATEGIES, parseBalancingStrategy, type BalancingStrategy } from './src/balancing/index.ts'
import { resolveDockerHost, startDiscovery, type Discovery, type DockerHost } from './src/discovery/index.ts'
import { DEFAULT_HEADERS_TIMEOUT_MS, figuresOf, startProxyServer, type ProxyFigures } from './src/proxy/index.ts'
import { runWorker, startWorkers } from './src/workers/index.ts'

/** Worker processes at most: a few per core is already past any gain. */
const MAX_WORKERS = 64

const usage = `Usage: load-balancer [options]

Options:
  --port N              proxy port; 0 picks a free one (default 8080)
  --host HOST           address the proxy binds (default 127.0.0.1)
  --admin-port N        admin port on 127.0.0.1; 0 picks a free one (default 8081)
  --docker-host URL     unix:///path/to/docker.sock or tcp://HOST:PORT
                        (default: $DOCKER_HOST, else unix:///var/run/docker.sock)
  --strategy NAME       ${BALANCING_STRATEGIES.join(' | ')} (default round-robin)
  --body-limit BYTES    request bodies buffered for retry (default 1048576)
  --timeout MS          wait for a backend's response headers (default ${DEFAULT_HEADERS_TIMEOUT_MS})
  --workers N           proxy processes sharing the port, 1 to ${MAX_WORKERS} (default 1: all in this
                        process); with more, this process keeps discovery and the admin port
  -h, --help            show this help

Containers labelled lb.host=NAME serve requests with Host NAME. The admin port
answers GET /_lb/status (JSON) and GET /_lb/metrics (Prometheus text).
SIGTERM or SIGINT stops accepting, lets requests in flight finish, then exits.`

/** How long shutdown waits for proxied requests in flight. */
const DRAIN_MS = 10_000

/** A command-line mistake: reported with a pointer to --help, exit code 2. */
class UsageError extends Error {
  override name = 'UsageError'
}

interface Options {
  port: number
  host: string
  adminPort: number
  dockerHost: DockerHost
  strategy: BalancingStrategy
  bodyLimit: number
  timeoutMs: number
  workers: number
  help: boolean
}

function readOptions(args: string[]): Options {
  let parsed
  try {
    parsed = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'admin-port': { type: 'string' },
        'docker-host': { type: 'string' },
        strategy: { type: 'string' },
        'body-limit': { type: 'string' },
        timeout: { type: 'string' },
        workers: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''))
  }
  const { values } = parsed
  return {
    port: wholeNumber('--port', values.port ?? '8080', 0, 65535),
    host: nonEmpty('--host', values.host ?? '127.0.0.1'),
    adminPort: wholeNumber('--admin-port', values['admin-port'] ?? '8081', 0, 65535),
    dockerHost: asUsage(() => resolveDockerHost({ flag: values['docker-host'], env: process.env })),
    strategy: asUsage(() => parseBalancingStrategy(values.strategy), '--strategy: '),
    bodyLimit: wholeNumber('--body-limit', values['body-limit'] ?? '1048576', 0, 1 << 30),
    timeoutMs: wholeNumber('--timeout', values.timeout ?? String(DEFAULT_HEADERS_TIMEOUT_MS), 1, 3_600_000),
    workers: wholeNumber('--workers', values.workers ?? '1', 1, MAX_WORKERS),
    help: values.help === true,
  }
}

function asUsage<T>(read: () => T, prefix = ''): T {
  try {
    return read()
  } catch (error) {
    throw new UsageError(`${prefix}${(error as Error).message}`, { cause: error })
  }
}

function wholeNumber(option: string, text: string, min: number, max: number): number {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN
  if (!(value >= min && value <= max))
    throw new UsageError(`${option} "${text}" is not a whole number from ${min} to ${max}`)
  return value
}

function nonEmpty(option: string, text: string): string {
  if (text.trim() === '') throw new UsageError(`${option} needs a value`)
  return text
}

function say(line: string): void {
  process.stdout.write(`${line}\n`)
}

/** The proxy as the primary runs it: in this process, or in worker processes. */
interface RunningProxy {
  url: string
  /** Said after the address, e.g. " (2 worker processes: pids 41, 42)". */
  detail: string
  figures(): Promise<ProxyFigures>
  /** Settles if the proxy can no longer serve (the workers keep dying). */
  failed: Promise<string>
  drain(): Promise<void>
}

async function startProxy(options: Options, discovery: Discovery): Promise<RunningProxy> {
  const log = (message: string): void => void process.stderr.write(`load-balancer: ${message}\n`)
  if (options.workers > 1) {
    const workers = await startWorkers({ count: options.workers, registry: discovery.registry, log })
    return {
      url: workers.url,
      detail: ` (${options.workers} worker processes: pids ${workers.pids().join(', ')})`,
      figures: () => workers.figures(),
      failed: workers.failed,
      // The workers' own drain deadline is DRAIN_MS; this one only ends a worker that ignores it.
      drain: () => workers.drain(DRAIN_MS + 5_000),
    }
  }
  const { url, proxy, stop } = await startProxyServer(discovery.registry, options, (message) =>
    log(`proxy: ${message}`),
  )
  return {
    url,
    detail: '',
    figures: async () => figuresOf(proxy),
    failed: new Promise(() => {}),
    drain: async () => void (await stop(DRAIN_MS, log)),
  }
}

async function serve(options: Options): Promise<number> {
  // Listen for the signals before saying we are up, so one sent at once is not fatal.
  const stopSignal = new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'))
    process.once('SIGINT', () => resolve('SIGINT'))
  })
  const discovery = startDiscovery({
    dockerHost: options.dockerHost,
    // Discovery's messages begin "discovery: " themselves.
    log: (message) => process.stderr.write(`load-balancer: ${message}\n`),
  })
  let proxy: RunningProxy
  let admin: AdminServer
  try {
    proxy = await startProxy(options, discovery)
  } catch (error) {
    await discovery.close()
    throw error
  }
  try {
    say(`load balancer listening on ${proxy.url}${proxy.detail}`)
    admin = await startAdminServer({ discovery, figures: () => proxy.figures(), port: options.adminPort })
    say(`load balancer admin on ${admin.url}`)
    say(`discovering backends from ${options.dockerHost.url} (${options.strategy})`)
  } catch (error) {
    await proxy.drain()
    await discovery.close()
    throw error
  }
  const reason = await Promise.race([stopSignal, proxy.failed])
  // In this process the listener closes at once, so whoever reads the message finds the port refusing;
  // workers close theirs as the drain reaches them.
  const drained = proxy.drain()
  say(`${reason}: stopping — finishing requests in flight`)
  process.once('SIGINT', () => process.exit(130))
  await drained
  await admin.close()
  await discovery.close()
  say('load balancer stopped')
  return 0
}

async function main(args: string[]): Promise<number> {
  let options
  try {
    options = readOptions(args)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`load-balancer: ${error.message}\nRun load-balancer --help for the options.\n`)
    return 2
  }
  if (options.help) {
    say(usage)
    return 0
  }
  return cluster.isWorker ? runWorker(options, DRAIN_MS) : serve(options)
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`load-balancer: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  },
)
