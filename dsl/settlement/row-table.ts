/**
 * One row of a table a spec expects or the system shows: column → text,
 * undefined for an empty cell.
 *
 * @example
 *   const row: Row = { part: 'place', runner: 'Red Rum', 'dead-heat': '1/2', 'rule-4': undefined }
 *   rowDifferences({ part: 'place', runner: 'Red Rum' }, row, ['dead-heat']) // ['dead-heat is 1/2; expected none']
 */
export type Row = Readonly<Record<string, string | undefined>>

/**
 * The columns a spec's table checks: those any of its rows fills. In them, an
 * empty cell expects nothing there.
 *
 * @example
 *   checkedColumns([{ status: 'open', returns: undefined }], ['status', 'returns', 'stake']) // ['status']
 */
export function checkedColumns(rows: readonly Row[], columns: readonly string[]): string[] {
  return columns.filter((column) => rows.some((row) => row[column] !== undefined))
}

/**
 * How a row the system shows differs from the one expected, column by column.
 *
 * @example
 *   rowDifferences({ returns: '£35.00' }, { returns: '£0.00' }, ['returns']) // ['returns is £0.00; expected £35.00']
 *   rowDifferences({ returns: undefined }, { returns: '£0.00' }, ['returns']) // ['returns is £0.00; expected none']
 */
export function rowDifferences(expected: Row, actual: Row, columns: readonly string[]): string[] {
  return columns
    .filter((column) => expected[column] !== actual[column])
    .map((column) => `${column} is ${actual[column] ?? 'none'}; expected ${expected[column] ?? 'none'}`)
}

/**
 * Rows as a Gherkin table, for a failure message: what the system shows, in a form a spec could take.
 *
 * @example
 *   formatRows(['bet', 'status'], [{ bet: "Alice's bet", status: 'open' }])
 *   // "  | bet         | status |\n  | Alice's bet | open   |"
 */
export function formatRows(columns: readonly string[], rows: readonly Row[]): string {
  const cells = [columns, ...rows.map((row) => columns.map((column) => row[column] ?? ''))]
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => line[i]!.length)))
  return cells.map((line) => `  | ${line.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`).join('\n')
}
