import type { AliasOptions } from '../aliases/alias-types.ts'
import { ConfigurationError } from '../../../drivers/core/errors/configuration-error.ts'
import type { GroupMembers, GroupParam } from './group.ts'
import { messages } from './messages.ts'
import type { AnyValueParam, Presence, ValueKind } from './param.ts'
import type { Declaration } from './parsed-args.ts'
import { readDefault } from './read-default.ts'

/**
 * A value parameter ready for parsing: its default already read.
 *
 * @example
 *   declare const compiled: CompiledDeclaration // of { stake: money({ default: '£10' }) }
 *   compiled.byName.get('stake')?.param?.defaultValue // Money £10.00
 */
export interface CompiledParam {
  readonly isGroup: false
  readonly name: string
  readonly kind: ValueKind<unknown>
  readonly presence: Presence
  readonly repeated: boolean
  /** The default, read (a list when repeated), or undefined. */
  readonly defaultValue: unknown
  readonly alias: AliasOptions | undefined
}

/**
 * A repeating group ready for parsing.
 *
 * @example
 *   declare const compiled: CompiledDeclaration // of { legs: group({ leg: string(), price: odds() }) }
 *   compiled.byName.get('leg')?.starts?.memberList // 'leg, price'
 */
export interface CompiledGroup {
  readonly isGroup: true
  readonly name: string
  readonly required: boolean
  /** The member that starts each group. */
  readonly first: CompiledParam
  readonly members: readonly CompiledParam[]
  /** Members by name, as declared and in lower case, for a table's column names. */
  readonly memberByName: ReadonlyMap<string, CompiledParam>
  /** The members' names as declared: the keys of a group's object. */
  readonly memberNames: readonly string[]
  readonly memberList: string
}

/**
 * What a name in a data table stands for: a top-level parameter, the start of a
 * group, or a later member of a group (which belongs to the group open at the time).
 *
 * @example
 *   declare const compiled: CompiledDeclaration // of { stake: money(), legs: group({ leg: string(), price: odds() }) }
 *   compiled.byName.get('leg')?.starts?.name // 'legs'
 *   compiled.byName.get('stake')?.param?.kind.name // 'money'
 */
export interface NameMeaning {
  readonly param?: CompiledParam
  readonly starts?: CompiledGroup
  readonly memberOf?: CompiledGroup
}

/**
 * One top-level entry of a declaration: a value parameter or a group.
 *
 * @example
 *   declare const compiled: CompiledDeclaration // of { legs: group({ leg: string(), price: odds() }) }
 *   const entry = compiled.entryByKey.get('legs')
 *   if (entry?.isGroup) console.log(entry.memberList) // 'leg, price'
 */
export type CompiledEntry = CompiledParam | CompiledGroup

/**
 * A DSL method's declaration, checked and turned into lookup tables once,
 * when the method is defined, so that parsing a call only looks things up.
 *
 * @example
 *   import { alias, money } from './param-kinds.ts'
 *   const compiled = compileDeclaration('placeBet', { punter: alias(), stake: money() })
 *   compiled.acceptedNames // 'punter, stake'
 */
export interface CompiledDeclaration {
  readonly method: string
  readonly entries: readonly CompiledEntry[]
  /** Entries by object key, exactly as declared. */
  readonly entryByKey: ReadonlyMap<string, CompiledEntry>
  /** What each name a data table may use stands for, by the name as declared and in lower case: one lookup per name. */
  readonly byName: ReadonlyMap<string, NameMeaning>
  /** Every name a data table may use, once each, for "did you mean". */
  readonly tableNames: readonly string[]
  /** Every object key, for "did you mean" on the typed-object form. */
  readonly keys: readonly string[]
  /** `punter, stake; group legs: leg, price` */
  readonly acceptedNames: string
  /** `punter, stake, legs` */
  readonly acceptedKeys: string
  /** The first parameter that takes a name to alias, if any. */
  readonly firstAlias: string | undefined
}

/**
 * Checks a declaration and compiles it; a mistake in it throws a ConfigurationError naming the method.
 *
 * @example
 *   import { money } from './param-kinds.ts'
 *   compileDeclaration('placeBet', { stake: money({ default: 'ten' }) })
 *   // throws: placeBet: invalid money "ten" as the default of parameter "stake". Accepted: £10, 10.00, £10.50, 1050p
 */
export function compileDeclaration(method: string, declaration: Declaration): CompiledDeclaration {
  const problems: string[] = []
  const entries: CompiledEntry[] = []
  const entryByKey = new Map<string, CompiledEntry>()
  const paramByName = new Map<string, CompiledParam>()
  const byName = new Map<string, NameMeaning>()
  const mean = (name: string, meaning: NameMeaning) => byName.set(name, meaning).set(name.toLowerCase(), meaning)
  const tableNames = new Set<string>()

  for (const [key, declared] of Object.entries(declaration)) {
    if (isGroupParam(declared)) {
      const group = compileGroup(method, key, declared, problems)
      if (!group) continue
      entries.push(group)
      entryByKey.set(key, group)
    } else if (isValueParam(declared)) {
      const param = compileParam(method, key, declared, problems)
      entries.push(param)
      entryByKey.set(key, param)
      addName(paramByName, param.name, param, () =>
        problems.push(messages.sameName(method, key, paramByName.get(key.toLowerCase())!.name, '')),
      )
      tableNames.add(key)
    } else {
      problems.push(messages.notAParameter(method, key, declared))
    }
  }

  const groups = entries.filter((entry): entry is CompiledGroup => entry.isGroup)
  for (const group of groups) {
    const first = group.first.name
    const clash =
      paramByName.get(first.toLowerCase())?.name ??
      groups.find((other) => other !== group && other.memberByName.has(first.toLowerCase()))?.name
    if (clash !== undefined) {
      const other = paramByName.has(first.toLowerCase())
        ? `the parameter "${clash}"`
        : `a parameter of group "${clash}"`
      problems.push(messages.groupStartTaken(method, first, group.name, other))
    }
    mean(first, { starts: group })
    for (const member of group.members) {
      tableNames.add(member.name)
      if (member !== group.first && !byName.has(member.name.toLowerCase())) mean(member.name, { memberOf: group })
    }
  }
  for (const [name, param] of paramByName) if (name === param.name) mean(name, { param })

  if (problems.length > 0) throw new ConfigurationError(problems.join('\n'))

  const topNames = entries.filter((entry) => !entry.isGroup).map((entry) => entry.name)
  return {
    method,
    entries,
    entryByKey,
    byName,
    tableNames: [...tableNames],
    keys: [...entryByKey.keys()],
    acceptedNames: [topNames.join(', '), ...groups.map((group) => `group ${group.name}: ${group.memberList}`)]
      .filter(Boolean)
      .join('; '),
    acceptedKeys: [...entryByKey.keys()].join(', '),
    firstAlias: entries.flatMap((entry) => (entry.isGroup ? entry.members : [entry])).find((param) => param.alias)
      ?.name,
  }
}

function compileGroup(
  method: string,
  key: string,
  declared: GroupParam<GroupMembers>,
  problems: string[],
): CompiledGroup | undefined {
  const members: CompiledParam[] = []
  const memberByName = new Map<string, CompiledParam>()
  for (const [name, member] of Object.entries(declared.members)) {
    if (isGroupParam(member)) {
      problems.push(messages.nestedGroup(method, name, key))
      continue
    }
    if (!isValueParam(member)) {
      problems.push(messages.notAParameter(method, name, member))
      continue
    }
    const param = compileParam(method, name, member, problems)
    members.push(param)
    addName(memberByName, name, param, () =>
      problems.push(messages.sameName(method, name, memberByName.get(name.toLowerCase())!.name, ` of group "${key}"`)),
    )
  }
  const first = members[0]
  if (!first) {
    problems.push(messages.emptyGroup(method, key))
    return undefined
  }
  if (first.presence !== 'required' || first.repeated)
    problems.push(messages.groupStartOptions(method, first.name, key))
  const memberNames = members.map((member) => member.name)
  return {
    isGroup: true,
    name: key,
    required: declared.presence === 'required',
    first,
    members,
    memberByName,
    memberNames,
    memberList: memberNames.join(', '),
  }
}

function compileParam(method: string, name: string, declared: AnyValueParam, problems: string[]): CompiledParam {
  return {
    isGroup: false,
    name,
    kind: declared.kind,
    presence: declared.presence,
    repeated: declared.repeated,
    defaultValue: declared.default === undefined ? undefined : readDefault(method, name, declared, problems),
    alias: declared.alias,
  }
}

function addName<T>(byName: Map<string, T>, name: string, value: T, onClash: () => void): void {
  if (byName.has(name.toLowerCase())) return onClash()
  byName.set(name, value).set(name.toLowerCase(), value)
}

function isGroupParam(value: unknown): value is GroupParam<GroupMembers> {
  return typeof value === 'object' && value !== null && (value as { shape?: unknown }).shape === 'group'
}

function isValueParam(value: unknown): value is AnyValueParam {
  return typeof value === 'object' && value !== null && (value as { shape?: unknown }).shape === 'value'
}
