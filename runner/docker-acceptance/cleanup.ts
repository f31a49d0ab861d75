import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import type { SupervisedProcess } from '../../drivers/core/process-supervisor.ts'
import { waitUntil } from '../../drivers/core/process-group.ts'
import type { DaemonPaths } from './dockerd-command.ts'
import type { EngineRequests } from './engine-requests.ts'
import { chainPolicy, dockerChains, iptablesCleanup } from './iptables-cleanup.ts'
import { listRules, mountsUnder, processesMentioning, runHost } from './host.ts'

/**
 * What a run started and must leave nothing of: the load balancer, the
 * daemon's containers, the daemon and its containerd, the iptables chains
 * and `docker0` it made, and its state directory.
 *
 * @example
 *   declare const paths: DaemonPaths
 *   const started: Started = { paths }
 */
export interface Started {
  paths: DaemonPaths
  balancer?: SupervisedProcess
  dockerd?: SupervisedProcess
  engine?: EngineRequests
  /** The filter table's FORWARD policy before dockerd started: it sets DROP. */
  forwardPolicy?: string
}

/**
 * Removes everything the run started, each part even if another fails, and
 * then checks nothing is left; returns what could not be removed (empty when clean).
 *
 * @example
 *   declare const started: Started
 *   const left = await cleanUp(started, console.log)
 *   if (left.length > 0) process.exitCode = 1
 */
export async function cleanUp(started: Started, say: (line: string) => void): Promise<string[]> {
  const problems: string[] = []
  const attempt = async (what: string, act: () => Promise<unknown>): Promise<void> => {
    try {
      await act()
    } catch (error) {
      problems.push(`${what}: ${(error as Error).message}`)
    }
  }
  await attempt('stop the load balancer', async () => started.balancer?.stop())
  if (started.engine !== undefined && (await started.engine.ping())) {
    await attempt('remove the containers', async () => {
      const removed = await started.engine!.removeAllContainers()
      say(`cleanup: removed ${removed} container${removed === 1 ? '' : 's'}`)
    })
  }
  await attempt('stop dockerd', async () => started.dockerd?.stop())
  await attempt('stop what dockerd left running', () => killLeftovers(started.paths.root))
  await attempt('unmount the state directory', async () => {
    for (const point of mountsUnder(started.paths.root)) await runHost('umount', ['-l', point], 15_000)
  })
  for (const table of ['nat', 'filter'] as const) {
    await attempt(`remove the Docker chains of iptables' ${table} table`, async () => {
      for (const args of iptablesCleanup(table, await listRules(table))) await runHost('iptables', args, 15_000)
    })
  }
  const policy = started.forwardPolicy
  if (policy !== undefined && chainPolicy(await listRules('filter'), 'FORWARD') !== policy) {
    await attempt(`put back the FORWARD policy ${policy}`, () => runHost('iptables', ['-P', 'FORWARD', policy], 15_000))
  }
  if (existsSync('/sys/class/net/docker0')) {
    await attempt('delete the docker0 bridge', () => runHost('ip', ['link', 'delete', 'docker0'], 15_000))
  }
  await attempt('remove the state directory', () =>
    rm(started.paths.root, { recursive: true, force: true, maxRetries: 3 }),
  )
  return [...problems, ...(await leftovers(started.paths.root))]
}

/**
 * What is left of a run on this host: processes naming its state directory,
 * the state directory, `docker0`, Docker chains in iptables.
 *
 * @example
 *   await leftovers('/tmp/parlance-docker-x1') // [] when clean
 */
export async function leftovers(root: string): Promise<string[]> {
  const left = processesMentioning(root).map(({ pid, command }) => `process ${pid} still runs: ${command}`)
  if (existsSync(root)) left.push(`${root} still exists`)
  if (existsSync('/sys/class/net/docker0')) left.push('the docker0 bridge still exists')
  for (const table of ['nat', 'filter'] as const) {
    for (const chain of dockerChains(await listRules(table))) left.push(`iptables -t ${table} still has ${chain}`)
  }
  return left
}

// containerd and its shims name the state directory on their command lines; dockerd's SIGTERM usually ends them.
async function killLeftovers(root: string): Promise<void> {
  const signal = (name: NodeJS.Signals): void => {
    for (const { pid } of processesMentioning(root)) {
      try {
        process.kill(pid, name)
      } catch {}
    }
  }
  signal('SIGTERM')
  if (await waitUntil(() => processesMentioning(root).length === 0, 10_000)) return
  signal('SIGKILL')
  await waitUntil(() => processesMentioning(root).length === 0, 5_000)
}
