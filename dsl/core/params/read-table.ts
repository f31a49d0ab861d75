import type { ArgumentCollector } from './argument-collector.ts'
import type { CompiledDeclaration } from './compile-declaration.ts'
import { nearest } from '../../../drivers/core/nearest.ts'
import { messages } from './messages.ts'

type Rows = readonly (readonly string[])[]

/**
 * Reads a Gherkin data table in either of its two forms. Two-column: every
 * row has two cells and every first cell is a parameter name (`| stake | £10 |`).
 * Header-row: the first row names the parameters and each further row is one
 * set of values, so several rows give repeated values or one group per row.
 * When both readings fit, two-column wins. A table of two columns is
 * header-row only if its whole first row is names; a wider or narrower one
 * if any cell of its first row is a name (the others are reported as unknown
 * parameters). A table that is neither is one error naming the cells that
 * are not parameters.
 *
 * @example
 *   readTable(collector, compiled, [['punter', 'Alice'], ['stake', '£10']]) // two-column
 *   readTable(collector, compiled, [['leg', 'price'], ['Red Rum', '5/1'], ['Arkle', '2/1']]) // header-row
 */
export function readTable(collector: ArgumentCollector, compiled: CompiledDeclaration, rows: Rows): void {
  const header = rows[0]
  if (!header) return
  const names = compiled.byName
  const isName = (cell: string): boolean => names.has(cell) || names.has(cell.trim().toLowerCase())
  if (header.length === 2 && rows.every((row) => row.length === 2 && isName(row[0]!))) {
    for (const row of rows) collector.named(row[0]!.trim(), row[1]!)
    return
  }
  const isHeaderRow = header.length === 2 ? header.every(isName) : header.some(isName)
  if (!isHeaderRow) return reportNeither(collector, compiled, rows, isName)
  readHeaderRow(collector, compiled, rows, isName)
}

function readHeaderRow(collector: ArgumentCollector, compiled: CompiledDeclaration, rows: Rows, isName: (cell: string) => boolean): void {
  const header = rows[0]!
  const known = header.map((cell) => {
    if (!isName(cell)) collector.unknown(cell.trim(), compiled.textNames, compiled.acceptedNames)
    return isName(cell)
  })
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!
    if (row.length > header.length) collector.problem(messages.tableRowTooLong(compiled.method, r + 1, row.length, header.length))
    for (let c = 0; c < header.length; c++) if (known[c]) collector.named(header[c]!.trim(), row[c] ?? '')
    collector.endRow()
  }
}

function reportNeither(collector: ArgumentCollector, compiled: CompiledDeclaration, rows: Rows, isName: (cell: string) => boolean): void {
  const method = compiled.method
  collector.cannotRead(messages.tableNeither(method, compiled.acceptedNames))
  const notNames = (cells: readonly string[]) => cells.map((cell) => cell.trim()).filter((cell) => !isName(cell))
  if (rows[0]!.length === 2) {
    for (const cell of notNames(rows.map((row) => row[0] ?? ''))) {
      collector.problem(messages.notAParameterIn(method, 'first column', cell, nearest(cell, compiled.textNames)))
    }
  }
  for (const cell of notNames(rows[0]!)) collector.problem(messages.notAParameterIn(method, 'first row', cell, nearest(cell, compiled.textNames)))
}
