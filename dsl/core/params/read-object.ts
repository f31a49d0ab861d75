import type { ArgumentCollector, Slots } from './argument-collector.ts'
import type { CompiledDeclaration, CompiledGroup, CompiledParam } from './compile-declaration.ts'

/**
 * Reads the typed-object form: each key a parameter, each value text, a typed
 * value, or a list of them; each repeating group a list of objects.
 *
 * @example
 *   readObject(collector, compiled, { punter: 'Alice', stake: Money.pounds(10) })
 *   readObject(collector, compiled, { legs: [{ leg: 'Red Rum', price: Odds.parse('5/1') }] })
 */
export function readObject(collector: ArgumentCollector, compiled: CompiledDeclaration, input: Readonly<Record<string, unknown>>): void {
  for (const key in input) {
    const value = input[key]
    if (value === undefined) continue
    const entry = compiled.entryByKey.get(key)
    if (!entry) collector.unknown(key, compiled.keys, compiled.acceptedKeys)
    else if (entry.isGroup) readGroups(collector, entry, value)
    else putAll(collector, collector.top, entry, value)
  }
}

function readGroups(collector: ArgumentCollector, group: CompiledGroup, value: unknown): void {
  if (!Array.isArray(value)) return collector.notAGroup(group, value, '')
  const items = value as unknown[]
  for (let i = 0; i < items.length; i++) {
    const item = items[i]
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      collector.notAGroup(group, item, ` in ${group.name} #${i + 1}`)
      continue
    }
    const slots = collector.startGroup(group, i + 1)
    const members = item as Readonly<Record<string, unknown>>
    // The first member goes first, so that messages about the others can name the group by it.
    putAll(collector, slots, group.first, members[group.first.name])
    for (const key in members) {
      const member = group.memberByName.get(key)
      if (!member) collector.unknown(key, group.members.map((m) => m.name), group.memberList, slots)
      else if (member !== group.first) putAll(collector, slots, member, members[key])
    }
  }
}

function putAll(collector: ArgumentCollector, slots: Slots, param: CompiledParam, value: unknown): void {
  if (!Array.isArray(value)) return collector.put(slots, param, value)
  for (const item of value as unknown[]) collector.put(slots, param, item)
}
