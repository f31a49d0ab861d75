import type { AliasedName } from '../../core/aliased-name.ts'
import type { DriverContext } from '../../core/driver-context.ts'
import { NotApplicableError } from '../../core/errors/not-applicable-error.ts'
import { SystemCompromisedError } from '../../core/errors/system-compromised-error.ts'
import { DockerEngineClient } from '../docker-daemon/engine-client.ts'
import { execInContainer } from './container-exec.ts'

/** The container port the backend image listens on. */
const backendPort = 8080

/**
 * A real daemon runs the health check itself, so the test steers its result
 * the way an operator's check would see it: the check passes only while this
 * file exists in the container (made and removed with `docker exec`).
 */
const healthPassesFile = '/tmp/parlance-health-passes'

// Every 500 ms; one failure after passing makes it unhealthy; a start period long enough that a check not yet
// told to pass stays "starting", as the specs mean, rather than turning unhealthy. Durations in nanoseconds.
const healthcheck = {
  Test: ['CMD-SHELL', `test -e ${healthPassesFile} && wget -q -O- http://127.0.0.1:${backendPort}/health`],
  Interval: 500_000_000,
  Retries: 1,
  StartPeriod: 120_000_000_000,
}

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
      ...(spec.health === 'starting' ? { Healthcheck: healthcheck } : {}),
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

  /**
   * Sets the replica's health as its health check would: the emulated daemon
   * is told; on a real one the check is made to pass or fail from now on, and
   * the daemon's next run of it reports the change. A real check cannot go
   * back to `starting`.
   */
  async setHealth(replica: StartedReplica, status: 'healthy' | 'unhealthy' | 'starting'): Promise<void> {
    if (!(await this.toldEmulator(replica, status))) {
      if (status === 'starting') {
        await this.emulatorOnly(`set the health of ${replica.name} back to starting`, () =>
          this.client.setHealth(replica.id, status),
        )
      }
      await this.steerHealthCheck(replica, status === 'healthy')
    }
    this.ctx.log(`replica ${replica.name} is now ${status}`)
  }

  /** Lets the replica's health check pass: the emulated daemon is told so; on a real one the check passes from now. */
  async healthCheckPasses(replica: StartedReplica): Promise<void> {
    if (!(await this.toldEmulator(replica, 'healthy'))) await this.steerHealthCheck(replica, true)
  }

  /** kill -9 to the replica's process: it dies without a word to anyone. */
  async crash(replica: StartedReplica): Promise<void> {
    await this.signalProcess(replica, 'SIGKILL')
    this.ctx.log(`replica ${replica.name} crashed (kill -9)`)
  }

  /**
   * SIGTERM to the replica's process, not through the daemon: it shuts down
   * by itself. Resolves once the daemon reports it exited: until then it may
   * still answer what reaches it (a real process acts on the signal some
   * milliseconds later, and finishes the requests already on its connections).
   */
  async terminate(replica: StartedReplica, exitWithinMs = 10_000): Promise<void> {
    await this.signalProcess(replica, 'SIGTERM')
    this.ctx.log(`replica ${replica.name} was sent SIGTERM`)
    const deadline = Date.now() + exitWithinMs
    while (await this.running(replica)) {
      if (Date.now() >= deadline) {
        throw new SystemCompromisedError(
          `replica ${replica.name} was sent SIGTERM and still runs ${exitWithinMs} ms later; ` +
            'the backend must exit once its requests in flight are answered',
        )
      }
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    this.ctx.log(`replica ${replica.name} exited after SIGTERM`)
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

  // Whether the daemon is Parlance's emulator and took the health; a real daemon has no such endpoint (404).
  private async toldEmulator(replica: StartedReplica, status: 'healthy' | 'unhealthy' | 'starting'): Promise<boolean> {
    try {
      await this.client.setHealth(replica.id, status)
      return true
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error
      return false
    }
  }

  private async steerHealthCheck(replica: StartedReplica, passes: boolean): Promise<void> {
    const command = passes ? ['touch', healthPassesFile] : ['rm', '-f', healthPassesFile]
    const code = await execInContainer(daemonTarget(this.daemonUrl), replica.id, command)
    if (code !== 0) {
      throw new SystemCompromisedError(
        `could not make the health check of replica ${replica.name} ${passes ? 'pass' : 'fail'}: ` +
          `\`${command.join(' ')}\` in its container exited with ${code}`,
      )
    }
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
