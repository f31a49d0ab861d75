import type { ValueFormatError } from '../../../drivers/core/values/value-format-error.ts'
import type { ValueKind } from './param.ts'

// Every message a call or a declaration can fail with, in one voice:
// "<method>: <what was wrong, the value quoted> — <what to do>. Accepted: <list>".
// `where` is '' for a top-level parameter, or e.g. ' in legs #2 (leg "Arkle")' or ' in the legs table'.

/**
 * A value as a message quotes it: text in quotes, a typed value by its type.
 *
 * @example
 *   import { Odds } from '../../../drivers/core/values/odds.ts'
 *   show('ten') // '"ten"'
 *   show(Odds.parse('5/2')) // 'FractionalOdds 5/2'
 */
export function show(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`
  if (typeof value === 'function') return 'a function'
  if (value === null || typeof value !== 'object') return String(value)
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`
  const type: unknown = value.constructor?.name
  if (typeof type !== 'string' || type === '' || type === 'Object') return 'an object'
  return value.toString === Object.prototype.toString ? `a ${type}` : `${type} ${String(value)}`
}

function detail(error: ValueFormatError): string {
  return (
    (error.reason ? ` — ${error.reason}` : '') +
    (error.suggestion ? ` — did you mean "${error.suggestion}"?` : '.') +
    ` Accepted: ${error.accepted}`
  )
}

/**
 * The text of every error a DSL call or declaration can raise; tests and
 * `docs/dsl-parameters.md` quote them exactly.
 *
 * @example
 *   messages.unknownParameter('placeBet', 'stak', 'stake', 'punter, stake')
 *   // 'placeBet: unknown parameter "stak" — did you mean "stake"? Accepted: punter, stake'
 */
export const messages = {
  unknownParameter: (method: string, name: string, suggestion: string | undefined, accepted: string, where = '') =>
    `${method}: unknown parameter "${name}"${where}` +
    (suggestion ? ` — did you mean "${suggestion}"?` : '.') +
    ` Accepted: ${accepted}`,

  missingParameter: (method: string, name: string, kind: ValueKind<unknown>, where = '') =>
    `${method}: missing required parameter "${name}"${where} — give ${kind.expected}`,

  missingGroup: (method: string, group: string, first: string, members: string) =>
    `${method}: missing required parameter "${group}" — give at least one group of ${members}, each starting ` +
    `with "${first}"`,

  invalidValue: (method: string, name: string, error: ValueFormatError, where = '') =>
    `${method}: invalid ${error.kind} "${error.text}" for parameter "${name}"${where}${detail(error)}`,

  invalidTypedValue: (method: string, name: string, kind: ValueKind<unknown>, value: unknown, where = '') =>
    `${method}: invalid ${kind.name} ${show(value)} for parameter "${name}"${where} — give ` +
    `text${kind.typed ? ` or ${kind.typed}` : ''}. Accepted: ${kind.accepted}`,

  givenMoreThanOnce: (method: string, name: string, given: readonly unknown[], where = '') =>
    `${method}: parameter "${name}"${where} takes one value but was given ${given.length}: ` +
    `${given.map(show).join(', ')}`,

  memberBeforeGroup: (method: string, name: string, group: string, first: string) =>
    `${method}: parameter "${name}" comes before "${first}" — it belongs to group "${group}", and each group ` +
    `starts with "${first}"`,

  notAGroupList: (method: string, group: string, value: unknown, members: string, where = '') =>
    `${method}: invalid group ${show(value)} for parameter "${group}"${where} — give a list of objects { ${members} }`,

  unreadableInput: (method: string, input: unknown, keys: string) =>
    `${method}: cannot read the arguments ${show(input)} — give a data table or an object { ${keys} }`,

  tableNeither: (method: string, accepted: string) =>
    `${method}: the data table is neither two-column (a parameter name first in every row) nor header-row ` +
    `(parameter names across the first row). Accepted: ${accepted}`,

  notAParameterIn: (
    method: string,
    place: 'first column' | 'first row',
    cell: string,
    suggestion: string | undefined,
  ) =>
    `${method}: in the ${place}, "${cell}" is not a parameter` + (suggestion ? ` — did you mean "${suggestion}"?` : ''),

  tableRowTooLong: (method: string, row: number, cells: number, names: number) =>
    `${method}: data table row ${row} has ${cells} cells, but the first row names ${names} parameters`,

  needsAliases: (method: string, name: string) =>
    `${method}: parameter "${name}" takes a name to alias, so parsing needs the scenario's aliases — call ` +
    `${method}.parse(input, { aliases })`,

  // Declaration mistakes, found when the method is defined.

  invalidDefault: (method: string, name: string, error: ValueFormatError) =>
    `${method}: invalid ${error.kind} "${error.text}" as the default of parameter "${name}"${detail(error)}`,

  invalidTypedDefault: (method: string, name: string, kind: ValueKind<unknown>, value: unknown) =>
    `${method}: invalid ${kind.name} ${show(value)} as the default of parameter "${name}" — give ` +
    `text${kind.typed ? ` or ${kind.typed}` : ''}. Accepted: ${kind.accepted}`,

  listDefault: (method: string, name: string) =>
    `${method}: parameter "${name}" takes one value, so its default cannot be a list — declare it { repeated: ` +
    `true } or give one value`,

  notAParameter: (method: string, name: string, value: unknown) =>
    `${method}: parameter "${name}" is declared as ${show(value)} — declare it with string(), money(), group() ` +
    `or another parameter kind`,

  sameName: (method: string, name: string, other: string, where: string) =>
    `${method}: parameter "${name}"${where} has the same name as "${other}" — names match in any case, so rename one`,

  groupStartTaken: (method: string, first: string, group: string, other: string) =>
    `${method}: parameter "${first}" starts group "${group}", so it cannot also be ${other} — rename one`,

  groupStartOptions: (method: string, first: string, group: string) =>
    `${method}: parameter "${first}" starts group "${group}", so it is required and takes one value — declare ` +
    `it without optional, default or repeated`,

  emptyGroup: (method: string, group: string) =>
    `${method}: group "${group}" declares no parameters — give at least the one that starts each group`,

  nestedGroup: (method: string, name: string, group: string) =>
    `${method}: parameter "${name}" of group "${group}" is a group — groups cannot nest`,
}
