import { signalGroup } from './process-group.ts'

/**
 * What the registry needs of a supervised process to stop it.
 *
 * @example
 *   declare const pgid: number, engine: import('./process-supervisor.ts').SupervisedProcess
 *   registerGroup(pgid, { stop: () => engine.stop() })
 *   await stopRegisteredGroups()
 */
export interface Stoppable {
  stop(): Promise<unknown>
}

// Process-wide on purpose: the systems under test outlive scenarios, and the exit hook must see them all.
const live = new Map<number, Stoppable>()
let exitHookInstalled = false

/**
 * Records a live process group; if this process exits while it is live, the group is SIGKILLed.
 *
 * @example
 *   declare const pgid: number, engine: import('./process-supervisor.ts').SupervisedProcess
 *   registerGroup(pgid, engine)
 *   liveGroups() // [pgid]
 */
export function registerGroup(pgid: number, owner: Stoppable): void {
  live.set(pgid, owner)
  if (!exitHookInstalled) {
    exitHookInstalled = true
    process.on('exit', killLiveGroups)
  }
}

/**
 * Forgets a group once none of its processes is left.
 *
 * @example
 *   declare const pgid: number
 *   unregisterGroup(pgid)
 *   liveGroups().includes(pgid) // false
 */
export function unregisterGroup(pgid: number): void {
  live.delete(pgid)
}

/**
 * The process group ids of the live supervised processes.
 *
 * @example
 *   await stopRegisteredGroups()
 *   liveGroups() // []
 */
export function liveGroups(): number[] {
  return [...live.keys()]
}

/**
 * Stops every live group's owner, all at once; resolves when all are stopped, with the failures.
 *
 * @example
 *   const failures = await stopRegisteredGroups()
 *   failures.length // 0
 */
export async function stopRegisteredGroups(): Promise<unknown[]> {
  const results = await Promise.allSettled([...new Set(live.values())].map((owner) => owner.stop()))
  return results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []))
}

// 'exit' listeners must be synchronous: no grace period, just SIGKILL.
function killLiveGroups(): void {
  for (const pgid of live.keys()) {
    try {
      signalGroup(pgid, 'SIGKILL')
    } catch {
      // EPERM: not ours any more; nothing else can be done while exiting.
    }
  }
}
