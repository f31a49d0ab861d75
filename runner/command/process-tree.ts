import { execFileSync } from 'node:child_process'
import { isProcessAlive } from '../../drivers/core/process-group.ts'

/**
 * The processes below `root` (children, grandchildren, …), leaves the
 * `except` pids and everything below them out. Empty where `ps` is missing.
 *
 * @example
 *   declare const enginePid: number
 *   descendantPids(process.pid, [enginePid]) // [41230, 41231]: cucumber's workers and their browsers
 */
export function descendantPids(root: number, except: readonly number[] = []): number[] {
  let table: string
  try {
    table = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,comm='], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5_000,
    })
  } catch {
    return []
  }
  const children = new Map<number, number[]>()
  for (const line of table.split('\n')) {
    const [pidText, ppidText, command] = line.trim().split(/\s+/)
    const [pid, ppid] = [Number(pidText), Number(ppidText)]
    // The ps that made this table is our child too, and gone by now.
    if (Number.isNaN(pid) || Number.isNaN(ppid) || (ppid === process.pid && command === 'ps')) continue
    children.set(ppid, [...(children.get(ppid) ?? []), pid])
  }
  const found: number[] = []
  const visit = (pid: number): void => {
    for (const child of children.get(pid) ?? []) {
      if (except.includes(child) || child === process.pid) continue
      found.push(child)
      visit(child)
    }
  }
  visit(root)
  return found
}

/**
 * Sends SIGTERM to `pids`, waits up to `graceMs` for them to go, then
 * SIGKILLs what is left.
 *
 * @example
 *   declare const systemPids: number[]
 *   await terminate(descendantPids(process.pid, systemPids), 2_000)
 */
export async function terminate(pids: readonly number[], graceMs: number): Promise<void> {
  signal(pids, 'SIGTERM')
  const deadline = Date.now() + graceMs
  while (pids.some(isProcessAlive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
  signal(pids.filter(isProcessAlive), 'SIGKILL')
}

/**
 * Terminates every process below `root` except `except()` and what is below
 * them, in rounds, so a process forked while the previous round was ending
 * does not survive either.
 *
 * @example
 *   declare const systems: import('../systems/systems.ts').RunningSystems
 *   await terminateDescendants(process.pid, () => systems.pids, 2_000)
 */
export async function terminateDescendants(
  root: number,
  except: () => readonly number[],
  graceMs: number,
): Promise<void> {
  for (let round = 0; round < 3; round++) {
    const pids = descendantPids(root, except())
    if (pids.length === 0) return
    await terminate(pids, graceMs)
  }
}

/**
 * Sends `name` to each pid that still exists.
 *
 * @example
 *   signal([41230], 'SIGKILL')
 */
export function signal(pids: readonly number[], name: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, name)
    } catch {
      // Already gone: that is what we want.
    }
  }
}
