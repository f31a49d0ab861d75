import type { DriverContext, ScenarioEnd } from '../../core/driver-context.ts'
import { SystemCompromisedError } from '../../core/errors/system-compromised-error.ts'
import { maskSecrets } from '../../core/mask-secrets.ts'
import { superviseProcess, type SupervisedProcess } from '../../core/process-supervisor.ts'
import { balancerProcessSpec, daemonProcessSpec } from './stack-commands.ts'

/**
 * The variables a load-balancer scenario's drivers read: the emulated (or
 * real) Docker daemon, the load balancer, and its admin port.
 *
 * @example
 *   declare const ctx: DriverContext
 *   ctx.systemUrl(stackVariables.balancer) // 'http://127.0.0.1:40123'
 */
export const stackVariables = { daemon: 'DOCKER_URL', balancer: 'LB_URL', admin: 'LB_ADMIN_URL' } as const

/**
 * A Docker daemon and a load balancer of one scenario's own, for what must
 * not touch the shared ones: restarting the daemon, another balancing strategy.
 *
 * @example
 *   declare const ctx: DriverContext
 *   const stack = await startPrivateStack(ctx, { strategy: 'least-connections' })
 *   const driverCtx = stack.context(ctx) // its systemUrl points at the private stack
 */
export interface PrivateStack {
  readonly urls: Readonly<Record<(typeof stackVariables)[keyof typeof stackVariables], string>>
  /** Whether the daemon is the scenario's own too, or the shared one. */
  readonly ownDaemon: boolean
  /** `ctx` with its system addresses pointing at this stack. */
  context(ctx: DriverContext): DriverContext
}

/**
 * Starts the emulated daemon, then the load balancer against it, and waits
 * until both are ready. With `daemon: 'shared'` only the load balancer is
 * the scenario's own, on the run's daemon (`DOCKER_URL`), real or emulated:
 * for another strategy, where the daemon need not be private. What it started
 * is stopped when the scenario ends; on failure the logs are attached.
 *
 * @example
 *   declare const ctx: DriverContext
 *   const stack = await startPrivateStack(ctx, { strategy: 'round-robin' })
 *   stack.urls.DOCKER_URL // 'tcp://127.0.0.1:40999'
 *   await startPrivateStack(ctx, { strategy: 'least-connections', daemon: 'shared' })
 */
export async function startPrivateStack(
  ctx: DriverContext,
  options: { strategy: 'round-robin' | 'least-connections'; daemon?: 'own' | 'shared' },
): Promise<PrivateStack> {
  const ownDaemon = options.daemon !== 'shared'
  const processes: SupervisedProcess[] = []
  const stopAll = async (): Promise<void> => {
    for (const process of processes.reverse()) await process.stop()
  }
  ctx.track({
    dispose: async (end: ScenarioEnd) => {
      const logs = processes.map((process) => process.lastLines().join('\n')).join('\n---\n')
      await stopAll()
      if (end.failed) await end.attach(`${logs}\n`, 'text/plain', 'private-load-balancer-stack.log')
    },
  })
  let dockerUrl = ctx.systemUrl(stackVariables.daemon)
  if (ownDaemon) {
    const daemon = superviseProcess(daemonProcessSpec('docker-daemon (private)'))
    processes.push(daemon)
    dockerUrl = (await daemon.start()).address ?? ''
  }
  const balancer = superviseProcess(
    balancerProcessSpec({ name: 'load-balancer (private)', dockerHost: dockerUrl, strategy: options.strategy }),
  )
  processes.push(balancer)
  const ready = await balancer.start()
  const adminUrl = ready.groups?.['admin']
  if (ready.address === undefined || adminUrl === undefined) {
    throw new SystemCompromisedError(
      maskSecrets(
        `the private load balancer started but did not print both its addresses; its last ` +
          `lines:\n${balancer.lastLines().join('\n')}`,
      ),
    )
  }
  const urls = { DOCKER_URL: dockerUrl, LB_URL: ready.address, LB_ADMIN_URL: adminUrl }
  ctx.log(
    maskSecrets(
      `private load balancer ${urls.LB_URL} (admin ${urls.LB_ADMIN_URL}, ${options.strategy}) on ` +
        `${ownDaemon ? 'a Docker daemon of its own' : "the run's Docker daemon"} ${urls.DOCKER_URL}`,
    ),
  )
  return {
    urls,
    ownDaemon,
    context: (base) => ({
      ...base,
      systemUrl: (name) => (Object.hasOwn(urls, name) ? urls[name as keyof typeof urls] : base.systemUrl(name)),
    }),
  }
}
