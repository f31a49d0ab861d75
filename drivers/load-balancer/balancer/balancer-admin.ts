import { AssertionFailedError } from '../../core/errors/assertion-failed-error.ts'
import { SystemCompromisedError } from '../../core/errors/system-compromised-error.ts'
import { eventually } from '../../core/eventually.ts'

/** One replica as the load balancer's admin status shows it. */
export interface ReplicaView {
  id: string
  name: string
  address: string
  healthy: boolean
  draining: boolean
  paused: boolean
  inFlight: number
}

/** The load balancer's `GET /_lb/status`, as far as the specs read it. */
export interface BalancerStatus {
  discovery: { connected: boolean } & Record<string, unknown>
  services: Array<{ host: string; replicas: ReplicaView[] }>
  hostsWithoutReplicas: string[]
  ignored: Array<{ id: string; name: string; reason: string }>
}

/**
 * The load balancer's admin port: what it believes about services and
 * replicas. The specs wait on it (a replica seen, a replica gone) instead of
 * sleeping; what clients see is judged by the traffic itself.
 *
 * @example
 *   declare const ctx: import('../../core/driver-context.ts').DriverContext
 *   const admin = new BalancerAdmin(ctx.systemUrl('LB_ADMIN_URL'))
 *   await admin.waitFor('checkout-2 to be routed to', 'checkout.parlance.test', (replicas) =>
 *     replicas.some((replica) => replica.name === 'checkout-2' && replica.healthy),
 *   )
 */
export class BalancerAdmin {
  constructor(readonly url: string) {}

  /** The status document now. */
  async status(): Promise<BalancerStatus> {
    let response: Response
    try {
      response = await fetch(`${this.url}/_lb/status`, { signal: AbortSignal.timeout(5_000) })
    } catch (error) {
      throw new SystemCompromisedError(
        `the load balancer's admin port at ${this.url} did not answer: ${(error as Error).message}`,
        { cause: error },
      )
    }
    if (!response.ok)
      throw new SystemCompromisedError(
        `the load balancer's admin port answered ${response.status} to GET ${this.url}/_lb/status`,
      )
    return (await response.json()) as BalancerStatus
  }

  /** The replicas the load balancer has for `host`, none when it has no such service. */
  async replicasOf(host: string): Promise<ReplicaView[]> {
    return replicasIn(await this.status(), host)
  }

  /**
   * Polls the status until `holds` is true, for up to `timeoutMs`; the
   * failure says what was awaited and shows the service's last status.
   */
  async waitFor(
    description: string,
    host: string,
    holds: (replicas: ReplicaView[]) => boolean,
    timeoutMs = 10_000,
  ): Promise<void> {
    let last: ReplicaView[] = []
    try {
      await eventually(
        async () => {
          last = await this.replicasOf(host)
          return holds(last)
        },
        { timeout: timeoutMs, interval: 20, description },
      )
    } catch (error) {
      if (!(error instanceof AssertionFailedError)) throw error
      throw new AssertionFailedError(
        `${error.message}\nthe load balancer's replicas for ${host}: ${describeReplicas(last)}`,
        { cause: error },
      )
    }
  }
}

/** The replicas of `host` in a status document. */
export function replicasIn(status: BalancerStatus, host: string): ReplicaView[] {
  return status.services.find((service) => service.host === host)?.replicas ?? []
}

/**
 * One line per replica, for failure messages.
 *
 * @example
 *   describeReplicas([
 *     {
 *       id: '3f4e',
 *       name: 'web-1',
 *       address: '127.0.0.1:41234',
 *       healthy: true,
 *       draining: false,
 *       paused: false,
 *       inFlight: 2,
 *     },
 *   ]) // 'web-1 (healthy, 2 in flight)'
 */
export function describeReplicas(replicas: readonly ReplicaView[]): string {
  if (replicas.length === 0) return 'none'
  return replicas.map((replica) => `${replica.name} (${describeState(replica).join(', ')})`).join('; ')
}

function describeState(replica: ReplicaView): string[] {
  return [
    replica.healthy ? 'healthy' : 'unhealthy',
    ...(replica.draining ? ['draining'] : []),
    ...(replica.paused ? ['paused'] : []),
    `${replica.inFlight} in flight`,
  ]
}
