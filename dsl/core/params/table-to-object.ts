import { nearest } from '../../../drivers/core/nearest.ts'
import type { CallProblems } from './call-problems.ts'
import type { CompiledDeclaration, CompiledGroup } from './compile-declaration.ts'
import { messages } from './messages.ts'
import type { DataTableLike } from './parsed-args.ts'

type Rows = readonly (readonly string[])[]
type Args = Record<string, unknown>
type Cell = readonly [name: string, value: string]

/**
 * Whether a value is a data table: anything with cucumber's `DataTable.raw()`.
 *
 * @example
 *   isDataTable({ raw: () => [['punter', 'Alice']] }) // true, as cucumber's DataTable
 *   isDataTable({ punter: 'Alice' }) // false
 */
export function isDataTable(value: unknown): value is DataTableLike {
  return typeof value === 'object' && value !== null && typeof (value as { raw?: unknown }).raw === 'function'
}

/**
 * Turns a Gherkin data table into the typed-object form, once; the object is
 * then read like any other. Two-column: every row has two cells and every
 * first cell is a parameter name (`| stake | £10 |`). Header-row: the first
 * row names the parameters and each further row is one set of values. When
 * both readings fit, two-column wins. A table of two columns is header-row
 * only if its whole first row is names; a wider or narrower one if any cell
 * of its first row is a name (the others are reported as unknown parameters).
 *
 * Cells are read in order (a header-row row left to right, with no group
 * open at its start): a group's first parameter starts a new group, its other
 * parameters join the open group, a top-level name closes it. A blank cell is
 * not given. Every value stays text, in a list, for the object's reader.
 * A table that is neither form throws at once, naming the cells that are not parameters.
 *
 * @example
 *   declare const compiled: CompiledDeclaration
 *   // → of { punter: alias(), stake: money(), legs: group({ leg: string(), price: odds() }) }
 *   const problems = new CallProblems('placeMultiple')
 *   tableToObject(problems, compiled, [
 *     ['punter', 'Alice'],
 *     ['stake', '£10'],
 *   ]) // { punter: ['Alice'], stake: ['£10'] }
 *   tableToObject(problems, compiled, [
 *     ['leg', 'price'],
 *     ['Red Rum', '5/1'],
 *   ]) // { legs: [{ leg: ['Red Rum'], price: ['5/1'] }] }
 */
export function tableToObject(problems: CallProblems, compiled: CompiledDeclaration, rows: Rows): Args {
  const header = rows[0]
  if (!header) return {}
  const isName = (cell: string): boolean => lookup(compiled.byName, cell.trim()) !== undefined
  if (header.length === 2 && rows.every((row) => row.length === 2 && isName(row[0]!))) {
    return cellsToObject(problems, compiled, [rows as readonly Cell[]])
  }
  if (header.length === 2 ? !header.every(isName) : !header.some(isName))
    throw neither(problems, compiled, rows, isName)
  const known = header.map((cell) => {
    if (!isName(cell)) problems.unknown(cell.trim(), compiled.tableNames, compiled.acceptedNames)
    return isName(cell)
  })
  const runs = rows.slice(1).map((row, r) => {
    if (row.length > header.length)
      problems.add(messages.tableRowTooLong(problems.method, r + 2, row.length, header.length))
    return header.flatMap((name, c): Cell[] => (known[c] ? [[name, row[c] ?? '']] : []))
  })
  return cellsToObject(problems, compiled, runs)
}

/**
 * Turns the data table given for a repeating group into its list of objects:
 * the first row names the group's parameters, and each further row is one group.
 *
 * @example
 *   declare const bets: CompiledGroup
 *   // → of expectBets: group({ bet: alias(), status: oneOf(['open', 'settled', 'void']) })
 *   const problems = new CallProblems('expectBets')
 *   tableToGroups(problems, bets, [
 *     ['bet', 'status'],
 *     ["Alice's bet", 'settled'],
 *   ]) // [{ bet: ["Alice's bet"], status: ['settled'] }]
 *   tableToGroups(problems, bets, [['bet', 'stat']])
 *   // → [], and the problem: unknown parameter "stat" in the bets table — did you mean "status"? …
 */
export function tableToGroups(problems: CallProblems, group: CompiledGroup, rows: Rows): Args[] {
  const [header = [], ...body] = rows
  const members = header.map((cell) => {
    const member = lookup(group.memberByName, cell.trim())
    if (!member) problems.unknown(cell.trim(), group.memberNames, group.memberList, ` in the ${group.name} table`)
    return member
  })
  return body.map((row, r) => {
    if (row.length > header.length)
      problems.add(messages.tableRowTooLong(problems.method, r + 2, row.length, header.length))
    const item: Args = {}
    members.forEach((member, c) => {
      if (member) add(item, member.name, row[c] ?? '')
    })
    return item
  })
}

function cellsToObject(
  problems: CallProblems,
  compiled: CompiledDeclaration,
  runs: readonly (readonly Cell[])[],
): Args {
  const object: Args = {}
  for (const run of runs) {
    let open: { group: CompiledGroup; item: Args } | undefined
    for (const [cell, value] of run) {
      if (value.trim() === '') continue
      const name = cell.trim()
      const meaning = lookup(compiled.byName, name)!
      const member = open && lookup(open.group.memberByName, name)
      if (meaning.starts) {
        open = { group: meaning.starts, item: {} }
        add(object, meaning.starts.name, open.item)
        add(open.item, meaning.starts.first.name, value)
      } else if (member) {
        add(open!.item, member.name, value)
      } else if (meaning.param) {
        open = undefined
        add(object, meaning.param.name, value)
      } else {
        const group = meaning.memberOf!
        problems.add(messages.memberBeforeGroup(problems.method, name, group.name, group.first.name))
      }
    }
  }
  return object
}

function neither(
  problems: CallProblems,
  compiled: CompiledDeclaration,
  rows: Rows,
  isName: (cell: string) => boolean,
): Error {
  const method = problems.method
  problems.add(messages.tableNeither(method, compiled.acceptedNames))
  const notNames = (cells: readonly string[]) => cells.map((cell) => cell.trim()).filter((cell) => !isName(cell))
  const report = (place: 'first column' | 'first row', cells: readonly string[]) => {
    for (const cell of notNames(cells))
      problems.add(messages.notAParameterIn(method, place, cell, nearest(cell, compiled.tableNames)))
  }
  if (rows[0]!.length === 2)
    report(
      'first column',
      rows.map((row) => row[0] ?? ''),
    )
  report('first row', rows[0]!)
  return problems.toError()
}

/** Gives a key one more value: each key holds a list, as a table may give a name more than once. */
function add(object: Args, key: string, value: unknown): void {
  object[key] ??= []
  ;(object[key] as unknown[]).push(value)
}

function lookup<T>(byName: ReadonlyMap<string, T>, name: string): T | undefined {
  return byName.get(name) ?? byName.get(name.toLowerCase())
}
