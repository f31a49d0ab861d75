import { signalGroup } from '../../drivers/core/process-group.ts'
import { liveGroups } from '../../drivers/core/process-registry.ts'
import { stopAllProcesses } from '../../drivers/core/process-supervisor.ts'
import type { CheckProgress } from './check-domain.ts'

/**
 * On Ctrl-C, SIGTERM or a crash: interrupts the run in progress, stops the
 * systems (also while they are starting, and their temp directories go with
 * them), and resolves to the line that says what was stopped.
 *
 * @example
 *   declare const progress: CheckProgress
 *   await stopCheck(progress, { signal: 'SIGINT' }, 3)
 *   // 'isolation: interrupted by SIGINT during run 1 of 3 of the settlement suite; ' +
 *   //   'the runner and settlement were stopped'
 */
export async function stopCheck(
  progress: CheckProgress,
  reason: { signal: string } | { crash: unknown },
  runs: number,
): Promise<string> {
  const how = `isolation: ${'signal' in reason ? `interrupted by ${reason.signal}` : 'crashed'}`
  const current = progress.current
  if (!current) {
    await stopAllProcesses()
    return `${how} between two domains; nothing was running`
  }
  const { suite, run, systems } = current
  await Promise.all([run?.running.interrupt(), systems ? systems.stop() : stopStarting(current.starting)])
  const stopped = listOf(suite.systems)
  const were = suite.systems.length === 1 ? 'was' : 'were'
  if (run)
    return (
      `${how} during run ${run.number} of ${runs} of the ${suite.domain} suite; ` +
      `${listOf(['the runner', ...suite.systems])} were stopped`
    )
  if (!systems) return `${how} while starting the ${suite.domain} suite's systems; ${stopped} ${were} stopped`
  return `${how} during the ${suite.domain} suite, between its runs; ${stopped} ${were} stopped`
}

/**
 * When stopping takes too long or a second signal comes: SIGKILL to the run
 * and to every system, started or starting, at once.
 *
 * @example
 *   import { onAbort } from '../command/abort.ts'
 *   declare const progress: CheckProgress
 *   onAbort({
 *     cleanup: async () => {
 *       await stopCheck(progress, { signal: 'SIGINT' }, 3)
 *     },
 *     hardStop: () => killCheck(progress),
 *   })
 */
export function killCheck(progress: CheckProgress): void {
  const current = progress.current
  if (current?.run) signalGroup(current.run.running.pid, 'SIGKILL')
  for (const pid of current?.systems?.pids ?? []) signalGroup(pid, 'SIGKILL')
  // Systems still starting have no pid in RunningSystems yet; the supervisor registered their groups.
  for (const pgid of liveGroups()) signalGroup(pgid, 'SIGKILL')
}

// Stopping what is up makes the start fail, and startSystems then stops the rest and removes its temp directories;
// a wave that began meanwhile may have let it succeed instead, so what it returns is stopped too.
async function stopStarting(starting: Promise<{ stop(): Promise<void> }>): Promise<void> {
  await stopAllProcesses()
  const started = await starting.catch(() => undefined)
  await started?.stop()
}

function listOf(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}
