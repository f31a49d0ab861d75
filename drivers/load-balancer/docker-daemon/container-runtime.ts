import { ConfigurationError } from '../../core/errors/configuration-error.ts'
import { BackendLauncher } from './backend-launcher.ts'
import type { BackendCommand, BackendProcess } from './backend-process.ts'
import { DEFAULT_BACKEND } from './backend-process.ts'
import type { ContainerRecord, HealthcheckConfig, HealthStatus } from './container-state.ts'
import { newContainerId, randomLoopbackIp } from './container-state.ts'
import { openPortProxy, type PortProxy } from './port-proxy.ts'
import type { EventBus } from './event-bus.ts'
import { toContainerEvent } from './event-json.ts'
import type { EventQuirks } from './event-stream.ts'
import { signalNumber } from './signal-numbers.ts'

/**
 * A container to create (and run). `backend: null` runs no process (the port is then `exposedPort`, unreachable).
 * `health` is the status the container starts with; `env` entries (`KEY=value`) reach the backend process.
 *
 * @example
 *   declare const daemon: import('./docker-daemon.ts').DockerDaemon
 *   await daemon.runContainer({ name: 'web-1', labels: { 'lb.enable': 'true' }, publish: true, health: 'healthy' })
 *   await daemon.runContainer({ name: 'ghost', backend: null })
 */
export interface RunContainerOptions {
  name: string
  labels?: Readonly<Record<string, string>>
  image?: string
  exposedPort?: number
  publish?: boolean
  /** The host address a published port binds to; `0.0.0.0` by default. */
  publishIp?: string
  health?: HealthStatus
  backend?: BackendCommand | null
  env?: readonly string[]
  healthcheck?: HealthcheckConfig
}

/**
 * The daemon's containers and their backend processes: each change of state
 * publishes the events Docker would, in Docker's order.
 *
 * @example
 *   import { EventBus } from './event-bus.ts'
 *   const runtime = new ContainerRuntime(new EventBus(), {}, Date.now)
 *   await runtime.run({ name: 'web-1' }); await runtime.stop('web-1') // create, start, kill, die, stop
 */
export class ContainerRuntime {
  readonly #containers = new Map<string, ContainerRecord>()
  readonly #plans = new Map<string, { backend: BackendCommand | null; health: HealthStatus }>()
  readonly #processes = new Map<string, { backend: BackendProcess; handled: Promise<void> }>()
  readonly #starting = new Map<string, Promise<void>>()
  readonly #launcher = new BackendLauncher()
  readonly #proxies = new Map<string, PortProxy>()
  #ipCounter = 1

  constructor(
    private readonly bus: EventBus,
    private readonly quirks: EventQuirks,
    private readonly now: () => number,
    /** How long after `start` the built-in backend listens at the earliest (a real app: 118-145 ms). */
    private readonly listenDelayMs = 0,
  ) {}

  /** Every container, newest first, as `docker ps` lists them. */
  list(): ContainerRecord[] {
    return [...this.#containers.values()].reverse()
  }

  /** Creates and starts a container (events `create`, `start`, and its health if settled). */
  async run(run: RunContainerOptions): Promise<ContainerRecord> {
    const container = this.create(run, 'runContainer')
    await this.start(container.id)
    return container
  }

  /** `docker create`: records the container, state `created`, no process yet (event `create`). */
  create(run: RunContainerOptions, method = 'create'): ContainerRecord {
    if (this.list().some((c) => c.name === run.name)) {
      throw new ConfigurationError(
        `docker daemon ${method}: the name ${JSON.stringify(run.name)} is already in use; pick another or ` +
          `destroy() the old container first`,
      )
    }
    const exposedPort = run.exposedPort ?? 8080
    this.#ipCounter += 1
    const container: ContainerRecord = {
      id: newContainerId(),
      name: run.name,
      image: run.image ?? 'parlance/backend:latest',
      imageId: `sha256:${newContainerId()}`,
      command: run.backend ? [run.backend.command, ...(run.backend.args ?? [])].join(' ') : 'node backend-server.mjs',
      createdMs: this.now(),
      labels: { ...run.labels },
      exposedPort,
      publish: run.publish ?? false,
      publishIp: run.publishIp ?? '0.0.0.0',
      bridgeIp: `172.17.${Math.floor(this.#ipCounter / 256)}.${this.#ipCounter % 256}`,
      loopbackIp: randomLoopbackIp(new Set(this.list().map((c) => c.loopbackIp))),
      hostPort: exposedPort,
      pid: undefined,
      env: [...(run.env ?? [])],
      healthcheck: run.healthcheck,
      state: 'created',
      health: 'none',
      startedMs: 0,
      finishedMs: 0,
      exitCode: 0,
    }
    this.#containers.set(container.id, container)
    this.#plans.set(container.id, {
      backend: run.backend === null ? null : (run.backend ?? DEFAULT_BACKEND),
      health: run.health ?? 'none',
    })
    this.#emit(container, 'create')
    return container
  }

  /**
   * `docker start`: runs the backend, then event `start` (and `health_status` if the health is settled), and
   * resolves once the app listens, as Docker's `start` comes before it. No-op if up.
   */
  start(ref: string): Promise<void> {
    const container = this.find('start', ref)
    const pending = this.#starting.get(container.id)
    if (pending !== undefined) return pending
    if (isUp(container)) return Promise.resolve()
    const starting = this.#startBackend(container).finally(() => this.#starting.delete(container.id))
    this.#starting.set(container.id, starting)
    return starting
  }

  /** The container with this id, id prefix (12+ digits) or name. */
  find(method: string, ref: string): ContainerRecord {
    const found = this.list().find((c) => c.id === ref || c.name === ref || (ref.length >= 12 && c.id.startsWith(ref)))
    if (found !== undefined) return found
    const known =
      this.list()
        .map((c) => c.name)
        .reverse()
        .join(', ') || 'none'
    throw new ConfigurationError(
      `docker daemon ${method}: no such container ${JSON.stringify(ref)}; known containers: ${known}`,
    )
  }

  /** Settles once a start in progress has finished (at once if none is). */
  async whenStarted(ref: string): Promise<void> {
    await this.#starting.get(this.find('start', ref).id)?.catch(() => {})
  }

  /** `docker stop`: SIGTERM, SIGKILL after `timeoutMs`, then the exit (events `kill`, `die`, `stop`). */
  async stop(ref: string, timeoutMs?: number): Promise<void> {
    const container = this.find('stop', ref)
    await this.#starting.get(container.id)?.catch(() => {})
    if (!isUp(container)) return
    this.#emit(container, 'kill', { signal: '15' })
    const backend = this.#release(container)
    const exitCode = backend === undefined ? 0 : await backend.stop(timeoutMs)
    this.#markExited(container, exitCode)
    this.#emit(container, 'die', { exitCode: String(exitCode) })
    this.#emit(container, 'stop')
  }

  /** `docker kill`: events `kill` (with the signal number) and `die` (with the exit code). */
  async kill(ref: string, signal: NodeJS.Signals, method = 'kill'): Promise<void> {
    const container = this.find(method, ref)
    await this.#starting.get(container.id)?.catch(() => {})
    if (!isUp(container)) return
    this.#emit(container, 'kill', { signal: String(signalNumber(signal)) })
    const backend = this.#release(container)
    backend?.signal(signal)
    const exitCode = backend === undefined ? 128 + signalNumber(signal) : await backend.exited
    this.#markExited(container, exitCode)
    this.#emit(container, 'die', { exitCode: String(exitCode) })
  }

  /** The backend dies on its own (SIGKILL from outside Docker): only `die`, exit code 137. */
  async crash(ref: string): Promise<void> {
    const container = this.find('crash', ref)
    const entry = this.#processes.get(container.id)
    if (entry !== undefined) {
      entry.backend.signal('SIGKILL')
      return entry.handled
    }
    if (!isUp(container)) return
    this.#markExited(container, 137)
    this.#emit(container, 'die', { exitCode: '137' })
  }

  /** `docker pause`/`unpause`: SIGSTOP/SIGCONT to the backend, events `pause`/`unpause`. */
  setPaused(ref: string, paused: boolean): void {
    const container = this.find(paused ? 'pause' : 'unpause', ref)
    if (container.state !== (paused ? 'running' : 'paused')) return
    this.#processes.get(container.id)?.backend.signal(paused ? 'SIGSTOP' : 'SIGCONT')
    container.state = paused ? 'paused' : 'running'
    this.#emit(container, paused ? 'pause' : 'unpause')
  }

  /** `docker rm -f`: kills a running container first, then `destroy`. */
  async destroy(ref: string): Promise<void> {
    const container = this.find('destroy', ref)
    await this.kill(container.id, 'SIGKILL', 'destroy')
    this.#containers.delete(container.id)
    this.#plans.delete(container.id)
    this.#emit(container, 'destroy')
  }

  /**
   * The health check reports a new status: event `health_status: <status>`. A real daemon never reports `starting`
   * as an event (only the listing's Status says it), so back to `starting` is silent.
   */
  setHealth(ref: string, health: Exclude<HealthStatus, 'none'>): void {
    const container = this.find('setHealth', ref)
    container.health = health
    if (health !== 'starting') this.#emitHealth(container)
  }

  /** Kills every backend process group and waits for them to exit; publishes nothing. */
  async killAll(): Promise<void> {
    const starting = this.#launcher.close()
    for (const proxy of this.#proxies.values()) void proxy.close()
    this.#proxies.clear()
    const running = [...this.#processes.values()]
    this.#processes.clear()
    for (const { backend } of running) {
      backend.signal('SIGCONT')
      backend.signal('SIGKILL')
    }
    await Promise.all([starting, ...running.map(({ backend }) => backend.exited)])
  }

  // As a real daemon: `start` once the process runs, the app listening some 120-150 ms later, and a published port
  // that resets connections meanwhile. Resolves once the app listens (or failed to).
  async #startBackend(container: ContainerRecord): Promise<void> {
    const plan = this.#plans.get(container.id) ?? { backend: null, health: 'none' as const }
    const command =
      plan.backend === null ? undefined : { ...plan.backend, env: { ...plan.backend.env, ...envObject(container.env) } }
    // The app listens on its own address at the exposed port, as on a bridge network; a published port's proxy
    // relays to it there, as docker-proxy does. The address is a loopback one (loopbackIp) so that test traffic never
    // leaves the machine — and so that no other process can take the app's port during its start (a free port of
    // 127.0.0.1 found first and listened on 130 ms later was, under load, sometimes another socket's by then).
    const at = { host: container.loopbackIp, port: container.exposedPort }
    const launched =
      command === undefined ? undefined : await this.#launcher.launch(container.name, command, this.listenDelayMs, at)
    if (launched !== undefined) this.#watch(container, launched.backend)
    const proxy =
      launched !== undefined && container.publish
        ? await openPortProxy(launched.backend.port, container.loopbackIp)
        : undefined
    if (proxy !== undefined) this.#proxies.set(container.id, proxy)
    container.pid = launched?.backend.pid
    container.hostPort = proxy?.port ?? launched?.backend.port ?? container.exposedPort
    container.state = 'running'
    container.startedMs = this.now()
    container.health = plan.health
    this.#emit(container, 'start')
    if (container.health === 'healthy' || container.health === 'unhealthy') this.#emitHealth(container)
    await launched?.listening
  }

  // A backend exiting by itself is a `die` with its exit code, as when a container's PID 1 ends.
  #watch(container: ContainerRecord, backend: BackendProcess): void {
    const handled = backend.exited.then((exitCode) => {
      if (this.#processes.get(container.id)?.backend !== backend || !isUp(container)) return
      this.#processes.delete(container.id)
      this.#markExited(container, exitCode)
      this.#emit(container, 'die', { exitCode: String(exitCode) })
    })
    this.#processes.set(container.id, { backend, handled })
  }

  // Takes the process out of the exit watcher's hands, so a deliberate stop or kill reports its own events.
  #release(container: ContainerRecord): BackendProcess | undefined {
    const entry = this.#processes.get(container.id)
    this.#processes.delete(container.id)
    if (entry !== undefined && container.state === 'paused') entry.backend.signal('SIGCONT')
    return entry?.backend
  }

  #markExited(container: ContainerRecord, exitCode: number): void {
    void this.#proxies.get(container.id)?.close()
    this.#proxies.delete(container.id)
    container.state = 'exited'
    container.pid = undefined
    container.exitCode = exitCode
    container.finishedMs = this.now()
  }

  #emit(container: ContainerRecord, action: string, extra: Record<string, string> = {}): void {
    this.bus.publish(toContainerEvent(container, action, extra, this.now()))
  }

  #emitHealth(container: ContainerRecord): void {
    if (this.quirks.bareHealthStatus) this.#emit(container, 'health_status', { health_status: container.health })
    else this.#emit(container, `health_status: ${container.health}`)
  }
}

function envObject(entries: readonly string[]): Record<string, string> {
  const pairs = entries
    .filter((entry) => entry.includes('='))
    .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)])
  return Object.fromEntries(pairs)
}

function isUp(container: ContainerRecord): boolean {
  return container.state === 'running' || container.state === 'paused'
}
