import { describe, expect, it } from 'vitest'
import type { AliasedName } from '../../../drivers/core/aliased-name.ts'
import type { AliasEntry } from './alias-types.ts'
import { aliasKey, formatAliasTable } from './format-alias-table.ts'

const entry = (name: string, realName: string, scope: AliasEntry['scope'], strategy: string): AliasEntry => ({
  name,
  realName: realName as AliasedName,
  scope,
  strategy,
})

describe('formatAliasTable', () => {
  it('aligns spec name, real name, scope and strategy under the run id', () => {
    const text = formatAliasTable(
      [
        entry('Alice', 'Alice r7k2-x9q2bz', 'scenario', 'default'),
        entry('Cheltenham', 'cheltenham-r7k2-n0k1xw', 'run', 'slug'),
        entry('GBP', 'GBP', 'literal', 'none'),
      ],
      'r7k2',
    )
    expect(text).toBe(
      [
        'Aliases of run r7k2',
        'spec name  | real name              | scope    | strategy',
        '-----------|------------------------|----------|---------',
        'Alice      | Alice r7k2-x9q2bz      | scenario | default',
        'Cheltenham | cheltenham-r7k2-n0k1xw | run      | slug',
        'GBP        | GBP                    | literal  | none',
      ].join('\n'),
    )
  })

  it('says when there are none', () => {
    expect(formatAliasTable([], 'r7k2')).toBe('Aliases of run r7k2: none')
  })
})

describe('aliasKey', () => {
  it('is the spec name, with scope and strategy when they are not scenario and default', () => {
    expect(aliasKey(entry('Alice', 'Alice r7k2-x9q2bz', 'scenario', 'default'))).toBe('Alice')
    expect(aliasKey(entry('Alice', 'alice-r7k2-x9q2bz', 'scenario', 'slug'))).toBe('Alice (slug)')
    expect(aliasKey(entry('Alice', 'alice.r7k2x9q2bz@example.test', 'scenario', 'email @example.test'))).toBe(
      'Alice (email @example.test)',
    )
    expect(aliasKey(entry('Cheltenham', 'Chelt r7k2-n0k1xw', 'run', 'max 17 chars'))).toBe(
      'Cheltenham (run, max 17 chars)',
    )
    expect(aliasKey(entry('GBP', 'GBP', 'literal', 'none'))).toBe('GBP (literal)')
  })
})
