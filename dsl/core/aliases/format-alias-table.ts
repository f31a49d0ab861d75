import type { AliasEntry } from './alias-types.ts'

const headings = ['spec name', 'real name', 'scope', 'strategy'] as const

/**
 * The alias table as text for a person: one row per alias, columns aligned,
 * the run id on top (it is in every real name, so it finds the run's data in
 * the system's logs).
 *
 * @example
 *   import type { AliasTable } from './alias-table.ts'
 *   declare const table: AliasTable
 *   formatAliasTable(table.entries(), 'r7k2') // 'Aliases of run r7k2\nspec name | real name ...'
 *   formatAliasTable([], 'r7k2') // 'Aliases of run r7k2: none'
 */
export function formatAliasTable(entries: readonly AliasEntry[], runId: string): string {
  if (entries.length === 0) return `Aliases of run ${runId}: none`
  const rows = entries.map((entry) => [entry.name, entry.realName, entry.scope, entry.strategy])
  const widths = headings.map((heading, column) => Math.max(heading.length, ...rows.map((row) => row[column]!.length)))
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join(' | ')
      .trimEnd()
  const rule = widths.map((width) => '-'.repeat(width)).join('-|-')
  return [`Aliases of run ${runId}`, line(headings), rule, ...rows.map(line)].join('\n')
}

/**
 * An entry's key in the table's JSON: the spec's name, followed by its scope
 * and strategy in brackets when they are not the usual scenario and default.
 *
 * @example
 *   import type { AliasedName } from '../../../drivers/core/aliased-name.ts'
 *   declare const realName: AliasedName
 *   aliasKey({ name: 'Alice', realName, scope: 'scenario', strategy: 'default' }) // 'Alice'
 *   aliasKey({ name: 'Cheltenham', realName, scope: 'run', strategy: 'max 16 chars' })
 *   // → 'Cheltenham (run, max 16 chars)'
 */
export function aliasKey(entry: AliasEntry): string {
  const qualifiers = [
    ...(entry.scope === 'scenario' ? [] : [entry.scope]),
    ...(entry.strategy === 'default' || entry.strategy === 'none' ? [] : [entry.strategy]),
  ]
  return qualifiers.length === 0 ? entry.name : `${entry.name} (${qualifiers.join(', ')})`
}
