// `--workers N`: the primary process keeps discovery and the admin port and
// forks N workers that share the proxy port (node:cluster hands each accepted
// connection to a worker in turn). Every registry change is sent to every
// worker; the admin port sums the workers' figures; a worker that dies is
// replaced; a drain is passed on and waited for.
import cluster, { type Worker } from 'node:cluster'
import type { BackendRegistry } from '../discovery/index.ts'
import { sumFigures, type ProxyFigures } from '../proxy/index.ts'
import { isFromWorker, type FromWorker, type ToWorker } from './worker-messages.ts'

/** How long the admin port waits for a worker's figures before leaving them out. */
const FIGURES_WAIT_MS = 2_000
/** More unexpected worker exits than this within `RESTART_WINDOW_MS` and the primary gives up. */
const MAX_RESTARTS = 5
const RESTART_WINDOW_MS = 60_000

/** Running workers, as the primary sees them. */
export interface Workers {
  /** The proxy's address, once every worker listens there. */
  readonly url: string
  /** The workers' process ids now. */
  pids(): number[]
  /** Every worker's proxy figures summed; a worker that does not answer within 2 s is left out. */
  figures(): Promise<ProxyFigures>
  /** Settles with a reason if the workers keep dying and the primary gave up on them. */
  readonly failed: Promise<string>
  /** Tells every worker to drain, and resolves once all have exited; SIGKILL after `deadlineMs`. */
  drain(deadlineMs: number): Promise<void>
}

/** What `startWorkers` needs. */
export interface WorkerOptions {
  count: number
  registry: BackendRegistry
  log: (message: string) => void
}

/**
 * Forks `count` workers running this same program and resolves once all of them listen; rejects (with every worker
 * stopped) if one cannot.
 *
 * @example
 *   declare const discovery: import('../discovery/index.ts').Discovery
 *   const workers = await startWorkers({ count: 2, registry: discovery.registry, log: console.error })
 *   workers.url // 'http://127.0.0.1:8080'; on SIGTERM: await workers.drain(10_000)
 */
export async function startWorkers(options: WorkerOptions): Promise<Workers> {
  const { count, registry, log } = options
  const live = new Set<Worker>()
  // Workers whose message listener is on: only they are sent anything.
  const ready = new Set<Worker>()
  let started = false
  const restarts: number[] = []
  let stopping = false
  let nextFiguresId = 0
  const figureReplies = new Map<number, (figures: ProxyFigures) => void>()
  let giveUp: (reason: string) => void = () => {}
  const failed = new Promise<string>((resolve) => (giveUp = resolve))
  let listening: (url: string) => void = () => {}
  let startFailed: (error: Error) => void = () => {}
  const firstListening = new Set<Worker>()
  const allListening = new Promise<string>((resolve, reject) => {
    listening = resolve
    startFailed = reject
  })

  const send = (worker: Worker, message: ToWorker): void => {
    if (worker.isConnected()) worker.send(message)
  }
  const unsubscribe = registry.onChange(() => {
    for (const worker of ready) send(worker, { type: 'registry', snapshot: registry.snapshot() })
  })

  const onMessage = (worker: Worker, message: FromWorker): void => {
    switch (message.type) {
      case 'ready':
        ready.add(worker)
        return send(worker, stopping ? { type: 'drain' } : { type: 'registry', snapshot: registry.snapshot() })
      case 'listening':
        firstListening.add(worker)
        if (firstListening.size === count) listening(message.url)
        return
      case 'failed':
        return startFailed(new Error(`a worker could not start: ${message.message}`))
      case 'figures':
        return figureReplies.get(message.id)?.(message.figures)
      case 'drained':
        return
    }
  }

  const fork = (): Worker => {
    const worker = cluster.fork()
    live.add(worker)
    worker.on('message', (message: unknown) => {
      if (isFromWorker(message)) onMessage(worker, message)
    })
    worker.once('exit', (code, signal) => {
      live.delete(worker)
      ready.delete(worker)
      if (stopping) return
      const how = signal === null ? `with code ${code}` : `on ${signal}`
      if (!started) return startFailed(new Error(`worker ${worker.process.pid} exited ${how} before it listened`))
      const now = Date.now()
      restarts.push(now)
      while (restarts.length > 0 && restarts[0]! <= now - RESTART_WINDOW_MS) restarts.shift()
      if (restarts.length > MAX_RESTARTS) {
        giveUp(`workers exited ${restarts.length} times within ${RESTART_WINDOW_MS / 1000} s; the last ${how}`)
        return
      }
      log(`worker ${worker.process.pid} exited ${how}; starting another`)
      fork()
    })
    return worker
  }

  const drain = async (deadlineMs: number): Promise<void> => {
    stopping = true
    unsubscribe()
    const exits = [...live].map((worker) => new Promise<void>((resolve) => worker.once('exit', () => resolve())))
    for (const worker of ready) send(worker, { type: 'drain' })
    const timer = setTimeout(() => {
      for (const worker of live) worker.process.kill('SIGKILL')
    }, deadlineMs)
    await Promise.all(exits)
    clearTimeout(timer)
  }

  for (let i = 0; i < count; i++) fork()
  let url: string
  try {
    url = await Promise.race([allListening, failed.then((reason) => Promise.reject(new Error(reason)))])
  } catch (error) {
    await drain(5_000)
    throw error
  }
  started = true

  return {
    url,
    pids: () => [...live].map((worker) => worker.process.pid!),
    failed,
    drain,
    async figures() {
      const answers = [...ready].map(
        (worker) =>
          new Promise<ProxyFigures | undefined>((resolve) => {
            const id = nextFiguresId++
            const timer = setTimeout(() => {
              figureReplies.delete(id)
              resolve(undefined)
            }, FIGURES_WAIT_MS)
            figureReplies.set(id, (figures) => {
              clearTimeout(timer)
              figureReplies.delete(id)
              resolve(figures)
            })
            send(worker, { type: 'figures?', id })
          }),
      )
      return sumFigures((await Promise.all(answers)).filter((figures) => figures !== undefined))
    },
  }
}
