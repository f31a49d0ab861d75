import { readdirSync, readFileSync } from 'node:fs'

/**
 * Sends a signal to every process of a process group (a supervised child and
 * its children); false if the group is already gone.
 *
 * @example
 *   declare const pgid: number // a child spawned with detached: true leads a group of its own: its pid
 *   signalGroup(pgid, 'SIGTERM') // true
 *   signalGroup(pgid, 'SIGKILL') // false once every member has exited
 */
export function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false
    throw error
  }
}

/**
 * Whether a process is alive. A zombie (exited, not yet reaped) is not: in a
 * container whose PID 1 does not reap orphans, killed grandchildren stay zombies.
 *
 * @example
 *   isProcessAlive(process.pid) // true
 *   declare const grandchildPid: number
 *   isProcessAlive(grandchildPid) // false after its group was killed
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
  return process.platform !== 'linux' || statOf(pid)?.state !== 'Z'
}

/**
 * Whether any process of the group is alive, zombies not counted.
 *
 * @example
 *   declare const pgid: number // the pid of a child spawned with detached: true
 *   isGroupAlive(pgid) // true while the child or any of its children runs
 *   isGroupAlive(pgid) // false after signalGroup(pgid, 'SIGKILL')
 */
export function isGroupAlive(pgid: number): boolean {
  if (!signalGroup(pgid, 0)) return false
  if (process.platform !== 'linux') return true
  return readdirSync('/proc').some((entry) => {
    if (!/^\d+$/.test(entry)) return false
    const stat = statOf(Number(entry))
    return stat !== undefined && stat.pgrp === pgid && stat.state !== 'Z'
  })
}

/**
 * Waits until the condition holds, checking every 20ms; false if it still did not after `timeoutMs`.
 *
 * @example
 *   declare const pgid: number
 *   const gone = await waitUntil(() => !isGroupAlive(pgid), 5000)
 *   if (!gone) signalGroup(pgid, 'SIGKILL')
 */
export async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() >= deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return true
}

function statOf(pid: number): { state: string; pgrp: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name may hold spaces and parentheses; the fields after the last ')' are fixed.
    const [state = '', , pgrp = ''] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return { state, pgrp: Number(pgrp) }
  } catch {
    return undefined
  }
}
