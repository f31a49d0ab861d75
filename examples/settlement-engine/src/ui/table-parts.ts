// The pieces the UI's tables are made of. A row is headed by its first cell
// (`<th scope="row">`), so a screen reader announces it with each of the row's
// cells; amounts of money are right-aligned (`class="money"`).
import { html, type Html, type HtmlValue } from './html.ts'

/** A column heading: its text, or its text and `money: true` to right-align it over amounts. */
export type Column = string | { text: string; money: true }

/**
 * A table's `<thead>`: one row of column headings.
 *
 * @example
 *   tableHead(['Bet', { text: 'Stake', money: true }])
 *   // <thead><tr><th scope="col">Bet</th><th scope="col" class="money">Stake</th></tr></thead>
 */
export function tableHead(columns: readonly Column[]): Html {
  return html`<thead><tr>${columns.map(columnHeading)}</tr></thead>`
}

/**
 * A body row: its heading cell, then its cells.
 *
 * @example
 *   tableRow('B1', [cell('Open'), moneyCell('£10.00')])
 *   // <tr><th scope="row">B1</th><td>Open</td><td class="money">£10.00</td></tr>
 */
export function tableRow(heading: HtmlValue, cells: readonly HtmlValue[]): Html {
  return html`<tr><th scope="row">${heading}</th>${cells}</tr>`
}

/**
 * A data cell.
 *
 * @example
 *   cell('Dead heat of 2') // <td>Dead heat of 2</td>
 */
export function cell(content: HtmlValue): Html {
  return html`<td>${content}</td>`
}

/**
 * A data cell holding an amount of money, right-aligned.
 *
 * @example
 *   moneyCell('£8.75') // <td class="money">£8.75</td>
 */
export function moneyCell(content: HtmlValue): Html {
  return html`<td class="money">${content}</td>`
}

function columnHeading(column: Column): Html {
  return typeof column === 'string'
    ? html`<th scope="col">${column}</th>`
    : html`<th scope="col" class="money">${column.text}</th>`
}
