// Part 1: the same backends measured direct, through the load balancer and
// through nginx, in interleaved rounds so drift hits every target alike.
import { combineRounds, figuresLine, type LoadFigures } from './load-figures.ts'
import { cpuMs } from './process-cpu.ts'
import { runLoad } from './run-load.ts'

/** One thing to send load to. */
export interface Target {
  label: string
  url: string
  host?: string
  /** The processes whose CPU time per request is reported: the backend, or the proxy. */
  pids: readonly number[]
}

/** How long and how hard. */
export interface ThroughputOptions {
  targets: readonly Target[]
  rounds: number
  seconds: number
  /** An unrecorded run per target first, so JIT and connection pools are warm. */
  warmupSeconds: number
  connections: number
  log: (line: string) => void
}

/**
 * Runs every target once per round, each round starting one target further on; returns each target's rounds combined.
 *
 * @example
 *   const targets: Target[] = [{ label: 'load balancer', url: 'http://127.0.0.1:8080/', host: 'shop.bench', pids: [] }]
 *   const figures = await measureThroughput({
 *     targets,
 *     rounds: 3,
 *     seconds: 10,
 *     warmupSeconds: 2,
 *     connections: 32,
 *     log: console.log,
 *   })
 *   figures.get('load balancer')?.requestsPerSecond
 */
export async function measureThroughput(options: ThroughputOptions): Promise<Map<string, LoadFigures>> {
  const { targets, connections } = options
  for (const target of targets) {
    await runLoad({ url: target.url, host: target.host, connections, seconds: options.warmupSeconds }).figures
  }
  const rounds = new Map<string, LoadFigures[]>(targets.map((target) => [target.label, []]))
  for (let round = 0; round < options.rounds; round++) {
    for (let i = 0; i < targets.length; i++) {
      const target = targets[(round + i) % targets.length]!
      const cpuBefore = cpuMs(target.pids)
      const figures = await runLoad({ url: target.url, host: target.host, connections, seconds: options.seconds })
        .figures
      const cpuAfter = cpuMs(target.pids)
      const answered = figures.ok + figures.non2xx
      if (cpuBefore !== undefined && cpuAfter !== undefined && answered > 0)
        figures.cpuUsPerRequest = ((cpuAfter - cpuBefore) * 1000) / answered
      rounds.get(target.label)!.push(figures)
      options.log(`  round ${round + 1}/${options.rounds}  ${figuresLine(target.label, figures)}`)
    }
  }
  return new Map([...rounds].map(([label, measured]) => [label, combineRounds(measured)]))
}
