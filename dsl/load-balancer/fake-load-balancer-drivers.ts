import { AssertionFailedError } from '../../drivers/core/errors/assertion-failed-error.ts'
import { fakeDriverContext, type FakeDriverContext } from '../../drivers/core/test-fixtures/fake-driver-context.ts'
import {
  describeReplicas,
  type BalancerAdmin,
  type LoadBalancerDrivers,
  type PrivateStack,
  type ReplicaSpec,
  type ReplicaView,
  type ResponseRecord,
  type RunningTraffic,
  type StartedReplica,
  type SwarmDriver,
  type TrafficDriver,
  type TrafficRecord,
  type TrafficRequest,
} from '../../drivers/load-balancer/index.ts'
import { AliasTable, scriptedRandom } from '../core/aliases/index.ts'
import { LoadBalancerDsl } from './load-balancer-dsl.ts'

/** A class's public surface: what a fake must implement, so that the compiler says when the driver grows. */
type PublicOf<T> = { [K in keyof T]: T[K] }

/** What the fake daemon knows of one replica it started. */
interface FakeReplica {
  spec: ReplicaSpec
  state: 'running' | 'gone'
  health: 'none' | 'starting' | 'healthy' | 'unhealthy'
}

/**
 * Fake load-balancer drivers for the DSL's unit tests: the swarm records every
 * call as a line, the admin view follows the swarm (running replicas healthy,
 * stopped ones gone) unless a host's view is scripted, and traffic answers with
 * the records the test queued.
 *
 * @example
 *   const fake = fakeLoadBalancer()
 *   fake.records.push(trafficRecord([answered(0, 'checkout-1-r7k2-rep001')])); fake.calls // ['startReplica …']
 */
export interface FakeLoadBalancer {
  readonly drivers: LoadBalancerDrivers
  /** Every swarm call, in order, e.g. `stop checkout-1-r7k2-rep001`. */
  readonly calls: string[]
  /** What the DSL waited for on the admin view, in order. */
  readonly waits: string[]
  /** Every traffic request, in order. */
  readonly requests: TrafficRequest[]
  /** Records the next traffic runs answer with, first queued first. */
  readonly records: TrafficRecord[]
  /** Scripted admin views by host; a scripted host no longer follows the swarm. */
  readonly scripted: Map<string, ReplicaView[]>
}

/** Makes the fake drivers; see {@link FakeLoadBalancer}. */
export function fakeLoadBalancer(): FakeLoadBalancer {
  const calls: string[] = []
  const waits: string[] = []
  const requests: TrafficRequest[] = []
  const records: TrafficRecord[] = []
  const scripted = new Map<string, ReplicaView[]>()
  const replicas = new Map<string, FakeReplica>()
  const called = (line: string): void => void calls.push(line)
  const known = (replica: StartedReplica): FakeReplica => replicas.get(replica.id)!
  const gone = (replica: StartedReplica): void => {
    known(replica).state = 'gone'
  }
  const swarm: PublicOf<SwarmDriver> = {
    startReplica: async (spec: ReplicaSpec) => {
      called(`startReplica ${spec.name} for ${spec.host} (health ${spec.health}, version ${spec.version})`)
      replicas.set(`id-${spec.name}`, { spec, state: 'running', health: spec.health })
      return { id: `id-${spec.name}`, name: spec.name }
    },
    stop: async (replica) => (called(`stop ${replica.name}`), gone(replica)),
    remove: async (replica) => (called(`remove ${replica.name}`), gone(replica)),
    crash: async (replica) => (called(`crash ${replica.name}`), gone(replica)),
    terminate: async (replica) => (called(`terminate ${replica.name}`), gone(replica)),
    freeze: async (replica, frozen) => called(`freeze ${replica.name} ${frozen}`),
    running: async (replica) => known(replica).state === 'running',
    setHealth: async (replica, health) => {
      called(`setHealth ${replica.name} ${health}`)
      known(replica).health = health
    },
    healthCheckPasses: async (replica) => {
      called(`healthCheckPasses ${replica.name}`)
      known(replica).health = 'healthy'
    },
    restartDaemon: async (downMs) => called(`restartDaemon down ${downMs} ms`),
    dropEvents: async (holdMs) => called(`dropEvents for ${holdMs} ms`),
  }
  const viewOf = (host: string): ReplicaView[] =>
    scripted.get(host) ??
    [...replicas.values()]
      .filter((r) => r.spec.host === host && r.state === 'running')
      .map((r) => view(r.spec.name, { healthy: r.health === 'none' || r.health === 'healthy' }))
  const admin: PublicOf<BalancerAdmin> = {
    url: 'http://127.0.0.1:9901',
    status: async () => ({ discovery: { connected: true }, services: [], hostsWithoutReplicas: [], ignored: [] }),
    replicasOf: async (host) => viewOf(host),
    waitFor: async (description, host, holds) => {
      waits.push(description)
      const views = viewOf(host)
      // As the real admin words it, without the polling: the fake's view cannot change while waiting.
      if (!holds(views))
        throw new AssertionFailedError(
          `Gave up waiting for ${description}\nthe load balancer's replicas for ${host}: ${describeReplicas(views)}`,
        )
    },
  }
  const next = (request: TrafficRequest): TrafficRecord => (
    requests.push(request), records.shift() ?? trafficRecord([])
  )
  const traffic: PublicOf<TrafficDriver> = {
    send: async (request) => next(request),
    start: (request): RunningTraffic => {
      const done = Promise.resolve(next(request))
      return { done, stop: () => done }
    },
  }
  const drivers = {
    swarm: swarm as unknown as SwarmDriver,
    admin: admin as unknown as BalancerAdmin,
    traffic: traffic as unknown as TrafficDriver,
  }
  return { drivers, calls, waits, requests, records, scripted }
}

/**
 * A replica as the admin view shows it: healthy, idle, routable unless told otherwise.
 *
 * @example
 *   view('checkout-2-r7k2-rep002', { inFlight: 1 })
 */
export function view(name: string, more: Partial<ReplicaView> = {}): ReplicaView {
  return {
    id: `id-${name}`,
    name,
    address: '127.0.0.1:1',
    healthy: true,
    draining: false,
    paused: false,
    inFlight: 0,
    ...more,
  }
}

/**
 * A 200 answered by `replica`, sent `index × 10` ms into the run and taking 5 ms.
 *
 * @example
 *   answered(3, 'checkout-1-r7k2-rep001', { latencyMs: 40 })
 */
export function answered(index: number, replica: string, more: Partial<ResponseRecord> = {}): ResponseRecord {
  return { index, sentAtMs: index * 10, latencyMs: 5, status: 200, replica, body: 'ok', ...more }
}

/**
 * A request that got no answer from any replica: an error, or a status the load balancer gave itself.
 *
 * @example
 *   refused(4, { error: 'ECONNRESET' }); refused(5, { status: 503, body: 'no replica' })
 */
export function refused(
  index: number,
  outcome: { error: string } | { status: number; body: string; retryAfter?: string },
): ResponseRecord {
  return { index, sentAtMs: index * 10, latencyMs: 5, body: '', ...outcome }
}

/**
 * A run's record holding these responses, started at `startedAtMs`.
 *
 * @example
 *   trafficRecord([answered(0, 'checkout-1-r7k2-rep001')], Date.now())
 */
export function trafficRecord(responses: ResponseRecord[], startedAtMs = 0): TrafficRecord {
  const plan = { url: 'http://127.0.0.1:1', host: 'fake.parlance.test', requests: responses.length, overMs: 0 }
  return { plan, startedAtMs, durationMs: 100, responses }
}

/**
 * A DSL over the fake drivers, its aliases' random parts scripted in order
 * (each new spec name takes the next), and a private stack that only records
 * the context the drivers were made with.
 *
 * @example
 *   const { dsl, fake } = fakeDsl('host01', 'rep001')
 *   await dsl.swarm.deploy({ service: 'checkout', replicas: 1 })
 *   // → checkout-1-r7k2-rep001 on checkout-r7k2-host01.parlance.test
 */
export function fakeDsl(...randomParts: string[]) {
  const fake = fakeLoadBalancer()
  const ctx: FakeDriverContext = fakeDriverContext(
    { DOCKER_URL: 'tcp://127.0.0.1:2375', LB_ADMIN_URL: 'http://127.0.0.1:9901' },
    'http',
  )
  const madeWith: string[] = []
  const stacks: string[] = []
  const stack: PrivateStack = {
    ownDaemon: true,
    urls: {
      DOCKER_URL: 'tcp://127.0.0.1:40999',
      LB_URL: 'http://127.0.0.1:40998',
      LB_ADMIN_URL: 'http://127.0.0.1:40997',
    },
    context: (base) => ({
      ...base,
      systemUrl: (name) => (name === 'DOCKER_URL' ? stack.urls.DOCKER_URL : base.systemUrl(name)),
    }),
  }
  const aliases = new AliasTable({ runId: 'r7k2', random: scriptedRandom(...randomParts) })
  const dsl = new LoadBalancerDsl(
    { aliases, driverContext: ctx },
    {
      makeDrivers: (made) => (madeWith.push(made.systemUrl('DOCKER_URL')), fake.drivers),
      startPrivateStack: async (_, options) => {
        stacks.push(options.daemon === 'shared' ? `${options.strategy} (shared daemon)` : options.strategy)
        return { ...stack, ownDaemon: options.daemon !== 'shared' }
      },
    },
  )
  return { dsl, fake, ctx, madeWith, stacks }
}
