import { loadavg } from 'node:os'
import type { Summary } from './stats.ts'

/**
 * Aligns rows into columns: the first left-aligned, the rest right-aligned.
 *
 * @example
 *   formatTable([['variant', 'median'], ['plain', '1.02 s']])
 *   // 'variant  median\nplain    1.02 s'
 */
export function formatTable(rows: readonly (readonly string[])[], indent = '  '): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)))
  return rows
    .map(
      (row) =>
        indent +
        row
          .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
          .join('   ')
          .trimEnd(),
    )
    .join('\n')
}

/**
 * Milliseconds as seconds with three decimals.
 *
 * @example
 *   seconds(1234.5) // '1.235 s'
 */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`
}

/**
 * The cells of a summary in a table: median, then min – max.
 *
 * @example
 *   import { summarize } from './stats.ts'
 *   summaryCells(summarize([900, 1000, 1100])) // ['1.000 s', '0.900 – 1.100 s']
 */
export function summaryCells(summary: Summary): [string, string] {
  return [seconds(summary.median), `${(summary.min / 1000).toFixed(3)} – ${seconds(summary.max)}`]
}

/**
 * A ratio as a multiplier.
 *
 * @example
 *   times(1.0449) // '1.04×'
 */
export function times(ratio: number): string {
  return `${ratio.toFixed(2)}×`
}

/**
 * "goal met" or "goal missed", with the goal.
 *
 * @example
 *   verdict(1.04 <= 1.05, '≤ 1.05×') // 'goal ≤ 1.05×: goal met'
 */
export function verdict(met: boolean, goal: string): string {
  return `goal ${goal}: ${met ? 'goal met' : 'goal missed'}`
}

/**
 * The machine's load average now, over 1, 5 and 15 minutes: what else was
 * running, to read a figure by.
 *
 * @example
 *   describeLoad() // '1.72 0.86 1.29'
 */
export function describeLoad(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')
}
