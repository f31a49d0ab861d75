// What one load run measured, the median over rounds, and the lines the benchmark prints.

/** One autocannon run, reduced to the figures the report shows. */
export interface LoadFigures {
  /** Answered requests (any status) per second of the run. */
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  ok: number
  non2xx: number
  /** Connection errors and timeouts. */
  errors: number
  seconds: number
  /** CPU time the target's process spent per answered request, when measured. */
  cpuUsPerRequest?: number
}

/**
 * The middle value; the mean of the two middle ones for an even count.
 *
 * @example
 *   median([3, 1, 2]) // 2
 *   median([4, 1, 3, 2]) // 2.5
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median: no values; measure at least one round')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/**
 * Rounds of one target combined: medians of rate and latency, totals of counts,
 * so one failed request in any round shows.
 *
 * @example
 *   declare const a: LoadFigures, b: LoadFigures, c: LoadFigures
 *   combineRounds([a, b, c]).requestsPerSecond // median of the three
 */
export function combineRounds(rounds: readonly LoadFigures[]): LoadFigures {
  const sum = (pick: (figures: LoadFigures) => number): number =>
    rounds.reduce((total, figures) => total + pick(figures), 0)
  const cpu = rounds.map((figures) => figures.cpuUsPerRequest)
  const measuredCpu = cpu.filter((value) => value !== undefined)
  return {
    requestsPerSecond: median(rounds.map((figures) => figures.requestsPerSecond)),
    p50Ms: median(rounds.map((figures) => figures.p50Ms)),
    p99Ms: median(rounds.map((figures) => figures.p99Ms)),
    ok: sum((figures) => figures.ok),
    non2xx: sum((figures) => figures.non2xx),
    errors: sum((figures) => figures.errors),
    seconds: sum((figures) => figures.seconds),
    ...(measuredCpu.length === cpu.length ? { cpuUsPerRequest: median(measuredCpu) } : {}),
  }
}

const columns = [
  { title: 'target', width: 24, left: true },
  { title: 'req/s', width: 9 },
  { title: 'p50 ms', width: 8 },
  { title: 'p99 ms', width: 8 },
  { title: 'non-2xx', width: 8 },
  { title: 'errors', width: 7 },
  { title: 'CPU µs/req', width: 11 },
] as const

function row(cells: readonly string[]): string {
  return columns
    .map((column, index) =>
      'left' in column ? cells[index]!.padEnd(column.width) : cells[index]!.padStart(column.width),
    )
    .join(' ')
    .trimEnd()
}

/**
 * The header of the throughput table.
 *
 * @example
 *   figuresHeader() // 'target                       req/s   p50 ms   p99 ms  non-2xx  errors'
 */
export function figuresHeader(): string {
  return row(columns.map((column) => column.title))
}

/**
 * One target's line in the throughput table.
 *
 * @example
 *   declare const figures: LoadFigures
 *   figuresLine('nginx', figures) // 'nginx                        12345      2.0      6.0        0       0'
 */
export function figuresLine(label: string, figures: LoadFigures): string {
  return row([
    label,
    Math.round(figures.requestsPerSecond).toString(),
    figures.p50Ms.toFixed(1),
    figures.p99Ms.toFixed(1),
    String(figures.non2xx),
    String(figures.errors),
    figures.cpuUsPerRequest === undefined ? '-' : Math.round(figures.cpuUsPerRequest).toString(),
  ])
}

/**
 * The throughput goal's verdict: the LB's req/s over nginx's, and its failures; `label` names the pair.
 *
 * @example
 *   declare const lb: LoadFigures, nginx: LoadFigures
 *   ratioLine(lb, nginx, 0.6) // 'LB / nginx req/s: 0.68 (goal ≥ 0.6 with zero non-2xx: met)'
 */
export function ratioLine(lb: LoadFigures, nginx: LoadFigures, goal: number, label = 'LB / nginx'): string {
  const ratio = lb.requestsPerSecond / nginx.requestsPerSecond
  const failures = lb.non2xx + lb.errors
  const slow = ratio < goal ? ` — ${ratio.toFixed(2)} < ${goal}` : ''
  const failed = failures > 0 ? ` — ${lb.non2xx} non-2xx and ${lb.errors} errors through the LB` : ''
  const verdict = ratio >= goal && failures === 0 ? 'met' : `missed${slow}${failed}`
  return `${label} req/s: ${ratio.toFixed(2)} (goal ≥ ${goal} with zero non-2xx: ${verdict})`
}

/**
 * The CPU goal's verdict: the LB's CPU per request over nginx's (a ratio, so other load on the machine cancels out).
 *
 * @example
 *   declare const lb: LoadFigures, nginx: LoadFigures
 *   cpuRatioLine(lb, nginx, 2) // 'LB / nginx CPU per request: 3.41× (goal ≤ 2×: missed)'
 */
export function cpuRatioLine(lb: LoadFigures, nginx: LoadFigures, goal: number, label = 'LB / nginx'): string {
  if (lb.cpuUsPerRequest === undefined || nginx.cpuUsPerRequest === undefined)
    return `${label} CPU per request: not measured (/proc could not tell)`
  const ratio = lb.cpuUsPerRequest / nginx.cpuUsPerRequest
  return `${label} CPU per request: ${ratio.toFixed(2)}× (goal ≤ ${goal}×: ${ratio <= goal ? 'met' : 'missed'})`
}
