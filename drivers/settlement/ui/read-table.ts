import type { Locator } from 'playwright'

/**
 * One body row of a table, its cells' text by column heading.
 *
 * @example
 *   const row: TableRow = { Runner: 'Crisp', Price: '3/1', Late: 'No', 'Rule 4 deduction': '25p in the £' }
 *   row['Rule 4 deduction'] // '25p in the £'
 */
export type TableRow = Readonly<Record<string, string>>

/**
 * A table as a person reads it: its caption and its body rows.
 *
 * @example
 *   declare const group: Locator
 *   const { caption, rows } = (await readTables(group.getByRole('table')))[0]!
 *   caption // 'Settlements of bet b1'
 */
export interface ReadTable {
  caption: string
  rows: TableRow[]
}

/**
 * Reads the body rows of the table the locator finds, by column heading.
 * A row whose cells do not line up with the headings (a breakdown spanning
 * the row) is left out; cells keep their line breaks, one list item a line.
 *
 * @example
 *   declare const page: import('playwright').Page
 *   const rows = await readTable(page.getByRole('table', { name: 'Withdrawals', exact: true }))
 *   rows.find((row) => row.Runner === 'Crisp')?.['Rule 4 deduction'] // '25p in the £'
 */
export async function readTable(table: Locator): Promise<TableRow[]> {
  const [read] = await table.evaluate(readTablesInPage)
  return read?.rows ?? []
}

/**
 * Reads every table the locator finds, in one round trip.
 *
 * @example
 *   declare const page: import('playwright').Page
 *   const tables = await readTables(
 *     page.getByRole('group', { name: 'Breakdown of bet b1', exact: true }).getByRole('table'),
 *   )
 *   tables.map((table) => table.caption) // ['Win part of bet b1', 'Settlements of bet b1']
 */
export async function readTables(tables: Locator): Promise<ReadTable[]> {
  return tables.evaluateAll(readTablesInPage)
}

// Runs in the page, so it refers to nothing outside itself, and names no inner function: tsx would wrap
// a named one in a helper the page lacks. It reads each table's own rows (HTMLTableElement.rows), never
// those of a table nested in a cell, where each bet's breakdown lives; all in one round trip.
function readTablesInPage(found: Element | Element[]): ReadTable[] {
  return (Array.isArray(found) ? found : [found]).map((element) => {
    const table = element as HTMLTableElement
    const headings = Array.from(table.tHead?.rows[0]?.cells ?? [], (cell) => cell.innerText.trim())
    const rows = Array.from(table.tBodies).flatMap((body) => Array.from(body.rows))
    return {
      caption: table.caption?.innerText.trim() ?? '',
      rows: rows
        .filter((row) => row.cells.length === headings.length)
        .map((row) =>
          Object.fromEntries(Array.from(row.cells, (cell, index) => [headings[index] ?? '', cell.innerText.trim()])),
        ),
    }
  })
}
