import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import type { SystemConfig } from '../config/config.ts'

type Systems = Readonly<Record<string, Pick<SystemConfig, 'after'>>>

/**
 * The named systems and, transitively, the systems they start after, in the
 * order the config declares them.
 *
 * @example
 *   withPrerequisites(['lb'], { docker: {}, lb: { after: ['docker'] }, engine: {} }) // ['docker', 'lb']
 */
export function withPrerequisites(names: Iterable<string>, systems: Systems): string[] {
  const needed = new Set<string>()
  const add = (name: string): void => {
    if (needed.has(name) || !Object.hasOwn(systems, name)) return
    needed.add(name)
    for (const prerequisite of systems[name]?.after ?? []) add(prerequisite)
  }
  for (const name of names) add(name)
  return Object.keys(systems).filter((name) => needed.has(name))
}

/**
 * The order to start `names` in: waves whose systems start in parallel, each
 * after the ones before it are ready. An `after` outside `names` is not waited for.
 *
 * @example
 *   startWaves(['docker', 'lb', 'engine'], { docker: {}, lb: { after: ['docker'] }, engine: {} })
 *   // → [['docker', 'engine'], ['lb']]
 */
export function startWaves(names: readonly string[], systems: Systems): string[][] {
  const waves: string[][] = []
  const placed = new Set<string>()
  let left = [...names]
  while (left.length > 0) {
    const wave = left.filter((name) =>
      (systems[name]?.after ?? []).every((before) => placed.has(before) || !names.includes(before)),
    )
    if (wave.length === 0) {
      const cycle = findCycle(Object.fromEntries(left.map((name) => [name, systems[name] ?? {}])))
      throw new ConfigurationError(
        `The systems ${left.join(', ')} cannot start: their after lists make a cycle ` +
          `(${cycle?.join(' → ') ?? left.join(', ')}). Remove one of its links.`,
      )
    }
    waves.push(wave)
    for (const name of wave) placed.add(name)
    left = left.filter((name) => !placed.has(name))
  }
  return waves
}

/**
 * A cycle of `after` links, as the path that closes it, or undefined; a system
 * that names itself is not counted here.
 *
 * @example
 *   findCycle({ a: { after: ['b'] }, b: { after: ['a'] } }) // ['a', 'b', 'a']
 */
export function findCycle(systems: Systems): string[] | undefined {
  const done = new Set<string>()
  const visit = (name: string, path: string[]): string[] | undefined => {
    const seen = path.indexOf(name)
    if (seen >= 0) return [...path.slice(seen), name]
    if (done.has(name) || !Object.hasOwn(systems, name)) return undefined
    for (const next of systems[name]?.after ?? []) {
      const cycle = next === name ? undefined : visit(next, [...path, name])
      if (cycle) return cycle
    }
    done.add(name)
    return undefined
  }
  for (const name of Object.keys(systems)) {
    const cycle = visit(name, [])
    if (cycle) return cycle
  }
  return undefined
}
