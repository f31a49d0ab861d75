import type { AliasedName } from '../../core/aliased-name.ts'
import type { DriverContext } from '../../core/driver-context.ts'
import { NotApplicableError } from '../../core/errors/not-applicable-error.ts'
import { SystemCompromisedError } from '../../core/errors/system-compromised-error.ts'
import { DockerEngineClient } from '../docker-daemon/engine-client.ts'

/** The container port the backend image listens on. */
const backendPort = 8080

/**
 * One replica to start: its container name, the service (Host) it serves,
 * and its health check.
 *
 * @example
 *   const spec: ReplicaSpec = {
 *     name: 'checkout-r7k2-x9q2bz-1' as AliasedName,
 *     host: 'checkout-r7k2-x9q2bz.parlance.test',
 *     health: 'none',
 *   }
 */
export interface ReplicaSpec {
  name: AliasedName
  host: string
  /** `none`: no health check (healthy once started); `starting`: a health check that has not passed yet. */
  health: 'none' | 'starting'
  weight?: number
  /** A label the replica carries, e.g. the service version. */
  version?: string
}

/** A replica as the daemon knows it. */
export interface StartedReplica {
  id: string
  name: AliasedName
}

/**
 * Where the Docker daemon is: `DOCKER_URL` (`tcp://127.0.0.1:2375` or
 * `unix:///var/run/docker.sock`).
 *
 * @example
 *   daemonTarget('tcp://127.0.0.1:2375') // { url: 'tcp://127.0.0.1:2375' }
 *   daemonTarget('unix:///var/run/docker.sock') // { socketPath: '/var/run/docker.sock' }
 */
export function daemonTarget(url: string): { url: string } | { socketPath: string } {
  return url.startsWith('unix://') ? { socketPath: url.slice('unix://'.length) } : { url }
}

/**
 * Replicas as containers on a Docker daemon, driven through the Docker Engine
 * API; process faults (kill -9, SIGTERM, SIGSTOP/SIGCONT) go to the replica's
 * process itself, behind the daemon's back, as real faults do. Every
 * container it starts is removed when the scenario ends.
 *
 * @example
 *   declare const ctx: DriverContext, name: AliasedName
 *   const swarm = new SwarmDriver(ctx)
 *   const replica = await swarm.startReplica({ name, host: 'checkout.parlance.test', health: 'none' })
 *   await swarm.crash(replica)
 */
export class SwarmDriver {
  private readonly client: DockerEngineClient
  private readonly daemonUrl: string
  private readonly started = new Map<string, StartedReplica>()
  private readonly pending = new Set<Promise<unknown>>()

  constructor(
    private readonly ctx: DriverContext,
    daemonUrl = ctx.systemUrl('DOCKER_URL'),
  ) {
    this.daemonUrl = daemonUrl
    this.client = new DockerEngineClient(daemonTarget(daemonUrl))
    ctx.track({ dispose: () => this.removeAll() })
  }

  /** Creates and starts a container of the backend image, labelled for the load balancer. */
  async startReplica(spec: ReplicaSpec): Promise<StartedReplica> {
    const labels: Record<string, string> = { 'lb.host': spec.host, 'lb.port': String(backendPort) }
    if (spec.weight !== undefined) labels['lb.weight'] = String(spec.weight)
    if (spec.version !== undefined) labels['version'] = spec.version
    const { Id } = await this.client.create(spec.name, {
      Image: 'parlance/backend:latest',
      Labels: labels,
      // The emulated daemon sets both itself; a real container needs them to answer as the specs expect.
      Env: [`PORT=${backendPort}`, `CONTAINER_NAME=${spec.name}`],
      ExposedPorts: { [`${backendPort}/tcp`]: {} },
      ...(spec.health === 'starting'
        ? {
            Healthcheck: {
              Test: ['CMD', 'wget', '-q', '-O-', `http://127.0.0.1:${backendPort}/health`],
              Interval: 1_000_000_000,
            },
          }
        : {}),
      HostConfig: { PortBindings: { [`${backendPort}/tcp`]: [{ HostIp: '127.0.0.1', HostPort: '' }] } },
    })
    const replica = { id: Id, name: spec.name }
    this.started.set(Id, replica)
    await this.client.start(Id)
    this.ctx.log(`started replica ${spec.name} (${Id.slice(0, 12)}) for ${spec.host}`)
    return replica
  }

  /** `docker stop`: SIGTERM, then SIGKILL after `timeoutSeconds`. Resolves once it has stopped. */
  async stop(replica: StartedReplica, timeoutSeconds = 10): Promise<void> {
    await this.track(this.client.stop(replica.id, { timeoutSeconds }))
    this.ctx.log(`stopped replica ${replica.name}`)
  }

  /** `docker rm -f`. */
  async remove(replica: StartedReplica): Promise<void> {
    await this.client.remove(replica.id, { force: true })
    this.started.delete(replica.id)
  }

  /** Sets the replica's health as its health check would: only the emulated daemon can be told this. */
  async setHealth(replica: StartedReplica, status: 'healthy' | 'unhealthy' | 'starting'): Promise<void> {
    await this.emulatorOnly(`set the health of ${replica.name}`, () => this.client.setHealth(replica.id, status))
    this.ctx.log(`replica ${replica.name} is now ${status}`)
  }

  /**
   * Lets the replica's health check pass: the emulated daemon is told so; a
   * real daemon runs the check itself (the backend answers `/health`), so
   * there is nothing to tell it.
   */
  async healthCheckPasses(replica: StartedReplica): Promise<void> {
    try {
      await this.client.setHealth(replica.id, 'healthy')
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error
      this.ctx.log(`replica ${replica.name}: the Docker daemon runs its health check itself`)
    }
  }

  /** kill -9 to the replica's process: it dies without a word to anyone. */
  async crash(replica: StartedReplica): Promise<void> {
    await this.signalProcess(replica, 'SIGKILL')
    this.ctx.log(`replica ${replica.name} crashed (kill -9)`)
  }

  /** SIGTERM to the replica's process, not through the daemon: it shuts down by itself. */
  async terminate(replica: StartedReplica): Promise<void> {
    await this.signalProcess(replica, 'SIGTERM')
    this.ctx.log(`replica ${replica.name} was sent SIGTERM`)
  }

  /** SIGSTOP / SIGCONT to the replica's process: it hangs, holding its connections, then carries on. */
  async freeze(replica: StartedReplica, frozen: boolean): Promise<void> {
    await this.signalProcess(replica, frozen ? 'SIGSTOP' : 'SIGCONT')
    this.ctx.log(`replica ${replica.name} ${frozen ? 'frozen (SIGSTOP)' : 'thawed (SIGCONT)'}`)
  }

  /** Whether the daemon still reports the replica running. */
  async running(replica: StartedReplica): Promise<boolean> {
    return (await this.client.inspect(replica.id)).State.Running
  }

  /** Restarts the daemon: every connection to it drops, and it refuses new ones for `downMs`. */
  async restartDaemon(downMs: number): Promise<void> {
    await this.emulatorOnly('restart the Docker daemon', () => this.client.restartDaemon({ downMs }))
    this.ctx.log(`Docker daemon restarting, down for ${downMs} ms`)
  }

  /** Ends every event stream and refuses new ones for `holdMs`, while the rest of the API keeps answering. */
  async dropEvents(holdMs: number): Promise<void> {
    await this.emulatorOnly('drop the Docker event streams', () => this.client.dropEvents({ holdMs }))
    this.ctx.log(`Docker event streams dropped, refused for ${holdMs} ms`)
  }

  private async signalProcess(replica: StartedReplica, signal: NodeJS.Signals): Promise<void> {
    const { State } = await this.client.inspect(replica.id)
    if (!State.Running || State.Pid <= 0) {
      throw new SystemCompromisedError(
        `cannot send ${signal} to replica ${replica.name}: the daemon says it is ${State.Status}, with no process`,
      )
    }
    try {
      process.kill(-State.Pid, signal)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error
      // Not a process group leader (a real container's init): signal the process alone.
      process.kill(State.Pid, signal)
    }
  }

  private async emulatorOnly(what: string, act: () => Promise<unknown>): Promise<void> {
    try {
      await act()
    } catch (error) {
      if ((error as { status?: number }).status === 404) {
        const daemon = `the Docker daemon at ${this.daemonUrl}`
        const reason = `${daemon} cannot be told to ${what}: only Parlance's emulated daemon can`
        throw new NotApplicableError(this.ctx.channel, what, reason, { cause: error })
      }
      throw error
    }
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.pending.add(promise)
    void promise.finally(() => this.pending.delete(promise)).catch(() => {})
    return promise
  }

  private async removeAll(): Promise<void> {
    await Promise.allSettled([...this.pending])
    await Promise.allSettled(
      [...this.started.values()].map((replica) => this.client.remove(replica.id, { force: true })),
    )
    this.started.clear()
  }
}
