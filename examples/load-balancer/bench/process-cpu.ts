// CPU time a process has used, from /proc: how much work a request costs the
// target, which stays meaningful when other processes share the cores.
import { readFileSync } from 'node:fs'

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks. */
const TICKS_PER_SECOND = 100

/**
 * User + system CPU milliseconds used so far by `pids` and their direct children
 * (an nginx master and its worker); undefined where /proc cannot tell.
 *
 * @example
 *   declare const lbPid: number, run: () => Promise<void>
 *   const before = cpuMs([lbPid]); await run(); const used = cpuMs([lbPid])! - before!
 */
export function cpuMs(pids: readonly number[]): number | undefined {
  try {
    const all = pids.flatMap((pid) => [pid, ...childrenOf(pid)])
    return all.reduce((sum, pid) => sum + ticksOf(pid), 0) * (1000 / TICKS_PER_SECOND)
  } catch {
    return undefined
  }
}

function ticksOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return Number(fields[11]) + Number(fields[12])
}

function childrenOf(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .filter((text) => text !== '')
    .map(Number)
}
