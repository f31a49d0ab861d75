import type { Slots } from './argument-collector.ts'
import type { CompiledDeclaration, CompiledParam } from './compile-declaration.ts'
import type { ParseContext } from './parse-context.ts'

/**
 * The parsed arguments of a call that has been read and found good: each
 * parameter's value by name, groups as lists of objects, and every name to
 * alias aliased (only now, so that a bad call aliases nothing).
 *
 * @example
 *   buildResult(compiled, collector.top, { aliases }) // { punter: 'alice-k3x9', stake: Money £5.00, legs: [...] }
 *   buildResult(compiled, collector.top, undefined) // fine when nothing is to be aliased
 */
export function buildResult(compiled: CompiledDeclaration, top: Slots, context: ParseContext | undefined): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const entry of compiled.entries) {
    if (!entry.isGroup) {
      result[entry.name] = aliased(entry, top.values[entry.slot], context)
      continue
    }
    result[entry.name] = (top.values[entry.slot] as Slots[]).map((slots) => {
      const group: Record<string, unknown> = {}
      for (const member of entry.members) group[member.name] = aliased(member, slots.values[member.slot], context)
      return group
    })
  }
  return result
}

function aliased(param: CompiledParam, value: unknown, context: ParseContext | undefined): unknown {
  const options = param.alias
  if (!options || value === undefined) return value
  // DslMethod.parse checked, before reading anything, that a declaration with names to alias got a context.
  const aliases = context!.aliases
  return Array.isArray(value) ? value.map((name: string) => aliases.alias(name, options)) : aliases.alias(value as string, options)
}
