import { cellLabels, type Cell } from '../../drivers/core/run-model/index.ts'
import { html, type Html } from './html-template.ts'
import type { GateCell } from './judge.ts'
import { cellMarks } from './render-table.ts'

/**
 * What each cell means, in the words of a cell's tooltip and of dod.html's legend.
 *
 * @example
 *   cellTitles['system-compromised'] // 'system compromised: the system under test could not be reached, or broke'
 */
export const cellTitles: Readonly<Record<Cell, string>> = {
  'assertion-failed': 'assertion failed: the system did the wrong thing',
  error: 'error: a defect of the test or of the system (not one of Parlance’s error kinds)',
  'timed-out': 'timed out: a step outlived its channel’s step timeout',
  'configuration-error': 'configuration error: the test setup is wrong',
  'system-compromised': 'system compromised: the system under test could not be reached, or broke',
  unfinished: 'unfinished: an undefined, pending or ambiguous step',
  flaky: 'flaky: failed, then passed on a retry',
  skipped: 'skipped without a not-applicable reason',
  'not-run': 'not run',
  'not-applicable': 'not applicable: the channel cannot express it',
  passed: 'passed',
}

/**
 * A cell's name on its badge: the report's label (`cellLabels`), spelt out where the label is its mark.
 *
 * @example
 *   cellNames['not-applicable'] // 'not applicable'
 */
export const cellNames: Readonly<Record<Cell, string>> = { ...cellLabels, 'not-applicable': 'not applicable' }

/**
 * A cell's mark and name, styled by its kind: a table cell's content, a count, a run's status.
 * `text` replaces the name (a count: `3 passed`).
 *
 * @example
 *   String(cellBadge('passed', '3 passed'))
 *   // '<span class="badge cell-passed" title="passed"><span class="mark">✓</span> 3 passed</span>'
 */
export function cellBadge(cell: Cell, text: string = cellNames[cell]): Html {
  const mark = html`<span class="mark">${cellMarks[cell]}</span>`
  return html`<span class="badge cell-${cell}" title="${cellTitles[cell]}">${mark} ${text}</span>`
}

/**
 * One cell of a story's table: empty for `none`, else its badge, a link to `href` when there are runs to show.
 *
 * @example
 *   String(tableCell('passed', '#cell-api-x'))
 *   // '<td class="cell cell-passed"><a href="#cell-api-x"><span class="badge cell-passed" …</a></td>'
 */
export function tableCell(cell: GateCell, href: string | undefined): Html {
  if (cell === 'none') return html`<td class="cell cell-none"></td>`
  const badge = cellBadge(cell)
  return html`<td class="cell cell-${cell}">${href === undefined ? badge : html`<a href="${href}">${badge}</a>`}</td>`
}
