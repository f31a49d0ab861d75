import { setTimeout as delay } from 'node:timers/promises'
import { stopAllProcesses } from '../../drivers/core/process-supervisor.ts'
import { onAbort } from '../command/abort.ts'
import { descendantPids, signal, terminateDescendants } from '../command/process-tree.ts'

/**
 * A run's protection against Ctrl-C, SIGTERM and crashes. Once `aborting`,
 * the abort owns the exit: the run calls `abandon()` and starts nothing more.
 *
 * @example
 *   declare const guard: RunGuard
 *   if (guard.aborting) await guard.abandon()
 *   guard.release() // after a normal end
 */
export interface RunGuard {
  readonly aborting: boolean
  abandon(): Promise<never>
  release(): void
}

/**
 * Guards a run: on abort, terminates every process below this one (cucumber's
 * workers, their browsers) except the systems, which are stopped in order;
 * then exits with the signal's code.
 *
 * @example
 *   declare const running: { pids: number[]; stop(): Promise<void> }
 *   const guard = guardRun({ systems: () => running, forksWorkers: true })
 *   try {
 *     // run the channels
 *   } finally {
 *     if (!guard.aborting) guard.release()
 *   }
 */
export function guardRun(options: {
  systems: () => { pids: number[]; stop(): Promise<void> } | undefined
  forksWorkers: boolean
}): RunGuard {
  let parked = (): void => {}
  const runParked = new Promise<void>((resolve) => (parked = resolve))
  const exceptSystems = (): number[] => options.systems()?.pids ?? []

  const stopWorkers = async (): Promise<void> => {
    await terminateDescendants(process.pid, exceptSystems, 2_000)
    if (!options.forksWorkers) return
    // cucumber may have been about to fork a channel's workers; once the run is parked, none can appear.
    await Promise.race([runParked, delay(3_000)])
    await terminateDescendants(process.pid, exceptSystems, 2_000)
  }
  const guard = onAbort({
    cleanup: async () => {
      await Promise.all([stopWorkers(), options.systems()?.stop(), stopAllProcesses()])
    },
    hardStop: () => signal(descendantPids(process.pid), 'SIGKILL'),
  })
  return {
    get aborting() {
      return guard.aborting
    },
    abandon() {
      parked()
      return new Promise<never>(() => {})
    },
    release: () => guard.release(),
  }
}
