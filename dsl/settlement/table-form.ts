import type { DataTableLike } from '../core/params/parsed-args.ts'

/**
 * A call whose one parameter is given as a header-row data table and the
 * others by name, as a step with a table reads: "Then Alice's bets are:".
 *
 * @example
 *   const input: WithTable<'bets'> = { punter: 'Alice', bets: dataTable }
 *   await punter.expectBets(input)
 */
export type WithTable<K extends string> = { readonly [P in K]: DataTableLike } & { readonly [name: string]: string | DataTableLike }

/**
 * The `"name: value"` strings form of a call given as WithTable: the named
 * values first, then each row's cells under the table's column names (blank
 * cells left out), so the DSL method's parser checks the columns like any
 * other parameter, with "did you mean". Any other input is returned as it is.
 *
 * @example
 *   tableForm({ punter: 'Alice', bets: table }, 'bets') // ['punter: Alice', 'bet: Alice\'s bet', 'status: settled', …]
 *   tableForm({ punter: 'Alice' }, 'bets') // { punter: 'Alice' }: not a table, left to the parser
 */
export function tableForm<I>(input: I | { readonly [name: string]: string | DataTableLike }, key: string): I | string[] {
  const table = (input as Record<string, unknown>)[key]
  if (!isTable(table)) return input as I
  const named = Object.entries(input as Record<string, unknown>).filter(([name]) => name !== key)
  const [header = [], ...rows] = table.raw()
  const cells = rows.flatMap((row) => header.flatMap((name, i) => (row[i]?.trim() ? [`${name}: ${row[i]}`] : [])))
  return [...named.map(([name, value]) => `${name}: ${String(value)}`), ...cells]
}

function isTable(value: unknown): value is DataTableLike {
  return typeof value === 'object' && value !== null && typeof (value as { raw?: unknown }).raw === 'function'
}
