import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { dslMethod, type InputOf } from '../core/params/dsl-method.ts'
import { duration, oneOf } from '../core/params/param-kinds.ts'
import type { LoadBalancerSession } from './load-balancer-session.ts'

const runPrivately = dslMethod('runPrivately', {
  strategy: oneOf(['round-robin', 'least-connections'], { default: 'round-robin' }),
})
const runBalancerPrivately = dslMethod('runBalancerPrivately', {
  strategy: oneOf(['round-robin', 'least-connections'], { default: 'round-robin' }),
})
const restart = dslMethod('restart', { down: duration({ default: '1s' }) })
const dropEvents = dslMethod('dropEvents', { for: duration() })

/**
 * The Docker daemon and the load balancer as infrastructure: one of the
 * scenario's own, and faults in the daemon. A scenario that restarts the
 * daemon runs its own, so that no other scenario sees the restart.
 *
 * @example
 *   declare const daemon: Daemon
 *   await daemon.runPrivately({ strategy: 'least-connections' }) // first, before any service
 *   await daemon.restart({ down: '1s' })
 */
export class Daemon {
  constructor(private readonly session: LoadBalancerSession) {}

  /**
   * Starts a Docker daemon and a load balancer for this scenario alone; call it before anything else.
   *
   * @example
   *   declare const daemon: Daemon
   *   await daemon.runPrivately({ strategy: 'least-connections' })
   */
  async runPrivately(input: InputOf<typeof runPrivately>): Promise<void> {
    const args = runPrivately.parse(input, { aliases: this.session.aliases })
    await this.session.startPrivateStack(runPrivately.name, args.strategy)
  }

  /**
   * Starts a load balancer for this scenario alone, on the run's Docker
   * daemon (real or emulated); call it before anything else. For what needs
   * only another load balancer, such as another strategy.
   *
   * @example
   *   declare const daemon: Daemon
   *   await daemon.runBalancerPrivately({ strategy: 'least-connections' })
   */
  async runBalancerPrivately(input: InputOf<typeof runBalancerPrivately>): Promise<void> {
    const args = runBalancerPrivately.parse(input, { aliases: this.session.aliases })
    await this.session.startPrivateStack(runBalancerPrivately.name, args.strategy, 'shared')
  }

  /**
   * Restarts the daemon: every connection to it drops (the load balancer's
   * event stream too) and it refuses new ones for `down`.
   *
   * @example
   *   declare const daemon: Daemon
   *   await daemon.restart({ down: '1s' })
   */
  async restart(input: InputOf<typeof restart>): Promise<void> {
    const args = restart.parse(input, { aliases: this.session.aliases })
    this.mustBePrivate(restart.name)
    await this.session.drivers.swarm.restartDaemon(args.down.milliseconds)
  }

  /**
   * Ends the daemon's event streams and refuses new ones for `for`, while
   * the rest of its API answers: the load balancer is blind to changes meanwhile.
   *
   * @example
   *   declare const daemon: Daemon
   *   await daemon.dropEvents({ for: '2s' })
   */
  async dropEvents(input: InputOf<typeof dropEvents>): Promise<void> {
    const args = dropEvents.parse(input, { aliases: this.session.aliases })
    this.mustBePrivate(dropEvents.name)
    await this.session.drivers.swarm.dropEvents(args.for.milliseconds)
  }

  private mustBePrivate(method: string): void {
    if (!this.session.isPrivate) {
      throw new ConfigurationError(
        `${method}: the scenario runs on the shared Docker daemon, which every other scenario uses; start one ` +
          `of its own first, e.g. "Given a Docker daemon and load balancer of the scenario's own"`,
      )
    }
  }
}
