import chalk from 'chalk'
import { cellLabels, type Cell } from '../../drivers/core/run-model/index.ts'
import { describeReason, rowName, rowStory, storylessHint, title } from './describe-reason.ts'
import type { GateCell, GateRow, Verdict } from './judge.ts'

/**
 * The mark of a cell, as the table, dod.md and dod.html show it; a failure by its kind.
 *
 * @example
 *   cellMarks.flaky // '~'
 *   cellMarks['system-compromised'] // '!'
 */
export const cellMarks: Readonly<Record<GateCell, string>> = {
  passed: '✓',
  'assertion-failed': '✗',
  error: 'E',
  'timed-out': 'T',
  'configuration-error': 'C',
  'system-compromised': '!',
  unfinished: '?',
  flaky: '~',
  'not-applicable': 'n/a',
  'not-run': '–',
  skipped: 'skip',
  none: '',
}

/**
 * The cells in the order reports list them: failures first, by kind.
 *
 * @example
 *   cellOrder[0] // 'assertion-failed'
 */
export const cellOrder: readonly Cell[] = [
  'assertion-failed',
  'error',
  'timed-out',
  'configuration-error',
  'system-compromised',
  'unfinished',
  'flaky',
  'skipped',
  'not-run',
  'not-applicable',
  'passed',
]

/**
 * What each mark means, in one line.
 *
 * @example
 *   legend() // '✗ assertion failed · E error · … · ✓ passed'
 */
export function legend(): string {
  const words: Partial<Record<Cell, string>> = {
    flaky: 'flaky (passed on a retry)',
    unfinished: 'undefined, pending or ambiguous',
    'not-applicable': 'not applicable',
  }
  return cellOrder.map((cell) => `${cellMarks[cell]} ${words[cell] ?? cellLabels[cell]}`).join(' · ')
}

/**
 * How many cells of each kind the gate judged, in one line.
 *
 * @example
 *   declare const verdict: Verdict
 *   countLine(verdict) // 'Counted: 1 assertion failed, 1 system compromised, 40 passed'
 */
export function countLine(verdict: Verdict): string {
  const counted = cellOrder.flatMap((cell) =>
    verdict.counts[cell] ? [`${verdict.counts[cell]} ${cellLabels[cell]}`] : [],
  )
  return `Counted: ${counted.join(', ') || 'nothing'}`
}

const colours: Record<GateCell, (text: string) => string> = {
  passed: chalk.green,
  'assertion-failed': chalk.red,
  error: chalk.red,
  'timed-out': chalk.red,
  'configuration-error': chalk.red,
  'system-compromised': chalk.magenta,
  unfinished: chalk.magenta,
  flaky: chalk.yellow,
  'not-applicable': chalk.gray,
  'not-run': chalk.red,
  skipped: chalk.yellow,
  none: (text) => text,
}

/**
 * The gate's verdict as lines for a terminal: per domain, the Story |
 * Criterion | channels table, what to add when no feature is a story yet, then the legend, the count of each cell,
 * the reasons for red and `Gate: GREEN` or `Gate: RED`. Readable without colour.
 *
 * @example
 *   declare const verdict: Verdict
 *   renderVerdict(verdict).at(-1) // 'Gate: RED'
 */
export function renderVerdict(verdict: Verdict, dealias: (text: string) => string = (text) => text): string[] {
  const lines: string[] = []
  for (const domain of verdict.domains) {
    if (domain.name !== undefined) lines.push(chalk.bold.underline(domain.name))
    lines.push(...renderTable(domain.channels, domain.criteria, domain.loose), '')
  }
  if (verdict.domains.length === 0) lines.push(...renderTable(verdict.channels, [], []), '')
  const hint = storylessHint(verdict)
  if (hint) lines.push(chalk.cyan(hint), '')
  lines.push(`Legend: ${legend()}`, countLine(verdict))
  if (verdict.allowedFlaky.length > 0) {
    const flaky = verdict.allowedFlaky.map(
      (scenario) => `  ~ ${title(scenario)} on ${scenario.channel}: passed on attempt ${scenario.attempts.length}`,
    )
    lines.push('', 'Flaky, allowed by --allow-flaky:', ...flaky)
  }
  if (verdict.reasons.length > 0) {
    lines.push('', 'Reasons for red:')
    for (const reason of verdict.reasons) {
      const [head = '', ...rest] = describeReason(reason, dealias).split('\n')
      lines.push(`  ${chalk.red('✗')} ${head}`, ...rest.map((line) => `      ${line}`))
    }
  }
  lines.push('', verdict.green ? chalk.green.bold('Gate: GREEN') : chalk.red.bold('Gate: RED'))
  return lines
}

function renderTable(channels: string[], criteria: GateRow[], loose: GateRow[]): string[] {
  const all = [...criteria, ...loose]
  const storyWidth = Math.min(28, Math.max(5, ...all.map((row) => rowStory(row).length)))
  const criterionWidth = Math.min(60, Math.max(9, ...all.map((row) => rowName(row).length)))
  const widths = channels.map((channel) => Math.max(4, channel.length))
  const line = (
    story: string,
    criterion: string,
    cells: string[],
    colourOf?: (i: number) => (text: string) => string,
  ): string =>
    [
      fitWidth(story, storyWidth),
      fitWidth(criterion, criterionWidth),
      ...cells.map((cell, i) => (colourOf ? colourOf(i) : String)(cell.padEnd(widths[i]!))),
    ]
      .join('  ')
      .trimEnd()
  const rows = (list: GateRow[]): string[] => {
    let previous = ''
    return list.map((row) => {
      const story = rowStory(row) === previous ? '' : rowStory(row)
      previous = rowStory(row)
      const statuses = channels.map((channel) => row.cells[channel] ?? 'none')
      return line(
        story,
        rowName(row),
        statuses.map((status) => cellMarks[status]),
        (i) => colours[statuses[i]!],
      )
    })
  }
  const out = [chalk.bold(line('Story', 'Criterion', channels)), ...rows(criteria)]
  if (criteria.length === 0) out.push('  (no story with a Rule in the results)')
  if (loose.length > 0)
    out.push('', chalk.bold('Scenarios outside Rules, and features without @story:'), ...rows(loose))
  return out
}

function fitWidth(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width)
}
