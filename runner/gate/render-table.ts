import chalk from 'chalk'
import type { CellStatus, GateRow, Verdict } from './judge.ts'

/**
 * The mark of a cell, as the table and dod.md show it.
 *
 * @example
 *   cellMarks.flaky // '~'
 */
export const cellMarks: Record<CellStatus, string> = {
  passed: '✓',
  failed: '✗',
  compromised: '!',
  flaky: '~',
  'not-applicable': 'n/a',
  'not-run': '–',
  unfinished: '?',
  skipped: 'skip',
  none: '',
}

const colours: Record<CellStatus, (text: string) => string> = {
  passed: chalk.green,
  failed: chalk.red,
  compromised: chalk.magenta,
  flaky: chalk.yellow,
  'not-applicable': chalk.gray,
  'not-run': chalk.red,
  unfinished: chalk.magenta,
  skipped: chalk.yellow,
  none: (text) => text,
}

/**
 * The gate's verdict as lines for a terminal: the Story | Criterion | channels
 * table, the reasons for red, and `Gate: GREEN` or `Gate: RED`. Readable without colour.
 *
 * @example
 *   renderVerdict(verdict).at(-1) // 'Gate: RED'
 */
export function renderVerdict(verdict: Verdict): string[] {
  const lines = [...renderTable(verdict.channels, verdict.criteria, verdict.loose), '']
  lines.push(`Legend: ✓ passed  ✗ failed  ! system compromised  ~ flaky (passed on a retry)  n/a not applicable  – not run  ? undefined, pending or ambiguous  skip skipped`)
  if (verdict.allowedFlaky.length > 0) {
    lines.push('', 'Flaky, allowed by --allow-flaky:', ...verdict.allowedFlaky.map((line) => `  ~ ${line}`))
  }
  if (verdict.reasons.length > 0) {
    lines.push('', 'Reasons for red:')
    for (const reason of verdict.reasons) {
      const [head = '', ...rest] = reason.split('\n')
      lines.push(`  ${chalk.red('✗')} ${head}`, ...rest.map((line) => `      ${line}`))
    }
  }
  lines.push('', verdict.green ? chalk.green.bold('Gate: GREEN') : chalk.red.bold('Gate: RED'))
  return lines
}

function renderTable(channels: string[], criteria: GateRow[], loose: GateRow[]): string[] {
  const storyWidth = Math.min(28, Math.max(5, ...[...criteria, ...loose].map((row) => row.story.length)))
  const criterionWidth = Math.min(60, Math.max(9, ...[...criteria, ...loose].map((row) => row.criterion.length)))
  const widths = channels.map((channel) => Math.max(4, channel.length))
  const line = (story: string, criterion: string, cells: string[], colourOf?: (i: number) => (text: string) => string): string =>
    [fit(story, storyWidth), fit(criterion, criterionWidth), ...cells.map((cell, i) => (colourOf ? colourOf(i) : String)(cell.padEnd(widths[i]!)))]
      .join('  ')
      .trimEnd()
  const rows = (list: GateRow[]): string[] => {
    let previous = ''
    return list.map((row) => {
      const story = row.story === previous ? '' : row.story
      previous = row.story
      const statuses = channels.map((channel) => row.cells[channel] ?? 'none')
      return line(story, row.criterion, statuses.map((status) => cellMarks[status]), (i) => colours[statuses[i]!])
    })
  }
  const out = [chalk.bold(line('Story', 'Criterion', channels)), ...rows(criteria)]
  if (criteria.length === 0) out.push('  (no story with a Rule in the results)')
  if (loose.length > 0) out.push('', chalk.bold('Scenarios outside Rules, and features without @story:'), ...rows(loose))
  return out
}

function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width)
}
