import { describe, expect, it } from 'vitest'
import { html } from './html.ts'
import { cell, moneyCell, tableHead, tableRow } from './table-parts.ts'

describe('table parts', () => {
  it('heads the columns, right-aligning the money ones', () => {
    expect(String(tableHead(['Bet', { text: 'Stake', money: true }]))).toBe(
      '<thead><tr><th scope="col">Bet</th><th scope="col" class="money">Stake</th></tr></thead>',
    )
  })

  it('heads a row with its first cell and escapes text, not Html', () => {
    const row = tableRow(html`<a href="/b/1">B1</a>`, [cell('A & B'), moneyCell('£10.00'), ''])
    expect(String(row)).toBe(
      '<tr><th scope="row"><a href="/b/1">B1</a></th><td>A &amp; B</td><td class="money">£10.00</td></tr>',
    )
  })
})
