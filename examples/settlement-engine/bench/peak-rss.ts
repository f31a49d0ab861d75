import { readFileSync } from 'node:fs'

/**
 * The peak resident memory of a process so far (Linux VmHWM), in bytes, or
 * undefined where /proc does not say.
 *
 * @example
 *   declare const engine: import('./start-engine.ts').RunningEngine
 *   peakRss(engine.pid) // 734003200
 */
export function peakRss(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(status)
    return match ? Number(match[1]) * 1024 : undefined
  } catch {
    return undefined
  }
}
