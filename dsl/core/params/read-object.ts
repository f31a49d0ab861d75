import { ValueFormatError } from '../../../drivers/core/values/value-format-error.ts'
import type { NameAliaser } from '../aliases/alias-types.ts'
import type { CallProblems } from './call-problems.ts'
import type { CompiledDeclaration, CompiledGroup, CompiledParam } from './compile-declaration.ts'
import { messages, show } from './messages.ts'
import { isDataTable, tableToGroups } from './table-to-object.ts'

type Args = Record<string, unknown>

/**
 * Reads one call in the typed-object form, the road every call takes (a data
 * table is first turned into an object): each key a parameter, each value
 * text, a typed value or a list of them; each repeating group a list of
 * objects, or a data table of the group's columns. It fills in defaults, keeps
 * every problem and throws them as one ConfigurationError; names are aliased
 * only once the whole call is good.
 *
 * @example
 *   import { Money } from '../../../drivers/core/values/money.ts'
 *   declare const compiled: CompiledDeclaration // of { punter: alias(), stake: money() }
 *   declare const aliases: NameAliaser
 *   readObject(compiled, { punter: 'Alice', stake: Money.pounds(5) }, new CallProblems('placeBet'), aliases)
 *   // → { punter: 'alice-k3x9', stake: Money £5.00 }
 */
export function readObject(
  compiled: CompiledDeclaration,
  input: Readonly<Args>,
  problems: CallProblems,
  aliases: NameAliaser | undefined,
): Args {
  for (const key of Object.keys(input)) {
    if (input[key] !== undefined && !compiled.entryByKey.has(key))
      problems.unknown(key, compiled.keys, compiled.acceptedKeys)
  }
  const args: Args = {}
  for (const entry of compiled.entries) {
    args[entry.name] = entry.isGroup
      ? readGroups(problems, entry, input[entry.name])
      : readValue(problems, entry, input[entry.name], '')
  }
  if (problems.found) throw problems.toError()
  // DslMethod.parse checked, before reading anything, that a declaration with names to alias got the aliases.
  if (compiled.firstAlias !== undefined) aliasNames(compiled, args, aliases!)
  return args
}

function readGroups(problems: CallProblems, group: CompiledGroup, given: unknown): Args[] {
  const list = isDataTable(given) ? tableToGroups(problems, group, given.raw()) : given
  if (list === undefined || (Array.isArray(list) && list.length === 0)) {
    const suggested = problems.wasSuggested(group.name) || problems.wasSuggested(group.first.name)
    if (group.required && !suggested)
      problems.add(messages.missingGroup(problems.method, group.name, group.first.name, group.memberList))
    return []
  }
  if (!Array.isArray(list)) {
    problems.add(messages.notAGroupList(problems.method, group.name, given, group.memberList))
    return []
  }
  return list.flatMap((item: unknown, i) => readGroup(problems, group, item, ` in ${group.name} #${i + 1}`))
}

function readGroup(problems: CallProblems, group: CompiledGroup, item: unknown, where: string): Args[] {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    problems.add(messages.notAGroupList(problems.method, group.name, item, group.memberList, where))
    return []
  }
  const members = item as Readonly<Args>
  // Messages about a group name it by its first value, as the spec wrote it: legs #2 (leg "Arkle").
  const first = givenItems(group.first, members[group.first.name])[0]
  const named = first === undefined ? where : `${where} (${group.first.name} ${show(first)})`
  for (const key of Object.keys(members)) {
    if (members[key] !== undefined && !group.memberNames.includes(key))
      problems.unknown(key, group.memberNames, group.memberList, named)
  }
  const args: Args = {}
  for (const member of group.members) args[member.name] = readValue(problems, member, members[member.name], named)
  return [args]
}

function readValue(problems: CallProblems, param: CompiledParam, given: unknown, where: string): unknown {
  // The usual call — one value of a parameter that does not repeat — without the lists givenItems makes.
  if (!param.repeated && !Array.isArray(given)) {
    if (given === undefined) return leftOut(problems, param, where)
    if (typeof given !== 'string') return acceptTyped(problems, param, given, where)
    const text = given.trim()
    return text === '' ? leftOut(problems, param, where) : readText(problems, param, text, where)
  }
  const items = givenItems(param, given)
  if (items.length === 0) return leftOut(problems, param, where)
  if (!param.repeated && items.length > 1) {
    problems.add(messages.givenMoreThanOnce(problems.method, param.name, items, where))
    return undefined
  }
  const values = items.map((item) =>
    typeof item === 'string' ? readText(problems, param, item, where) : acceptTyped(problems, param, item, where),
  )
  return param.repeated ? values : values[0]
}

/** What was given for a parameter, as a list: text trimmed (and split at commas when repeated), blank text left out. */
function givenItems(param: CompiledParam, given: unknown): unknown[] {
  const items: readonly unknown[] = Array.isArray(given) ? given : [given]
  return items.flatMap((item) => {
    if (typeof item !== 'string') return item === undefined ? [] : [item]
    return (param.repeated ? item.split(',') : [item]).map((text) => text.trim()).filter((text) => text !== '')
  })
}

function leftOut(problems: CallProblems, param: CompiledParam, where: string): unknown {
  if (param.presence === 'defaulted')
    return param.repeated ? (param.defaultValue as unknown[]).slice() : param.defaultValue
  if (param.presence === 'required' && !problems.wasSuggested(param.name))
    problems.add(messages.missingParameter(problems.method, param.name, param.kind, where))
  return param.repeated ? [] : undefined
}

function readText(problems: CallProblems, param: CompiledParam, text: string, where: string): unknown {
  try {
    return param.kind.read(text)
  } catch (error) {
    if (!(error instanceof ValueFormatError)) throw error
    problems.addInvalid(messages.invalidValue(problems.method, param.name, error, where), error)
    return undefined
  }
}

function acceptTyped(problems: CallProblems, param: CompiledParam, value: unknown, where: string): unknown {
  const accepted = param.kind.accept(value)
  if (accepted === undefined)
    problems.add(messages.invalidTypedValue(problems.method, param.name, param.kind, value, where))
  return accepted
}

function aliasNames(compiled: CompiledDeclaration, args: Args, aliases: NameAliaser): void {
  for (const entry of compiled.entries) {
    if (!entry.isGroup) args[entry.name] = aliased(entry, args[entry.name], aliases)
    else
      for (const group of args[entry.name] as Args[])
        for (const member of entry.members) group[member.name] = aliased(member, group[member.name], aliases)
  }
}

function aliased(param: CompiledParam, value: unknown, aliases: NameAliaser): unknown {
  const options = param.alias
  if (!options || value === undefined) return value
  return Array.isArray(value)
    ? value.map((name: string) => aliases.alias(name, options))
    : aliases.alias(value as string, options)
}
