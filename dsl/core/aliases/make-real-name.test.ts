import { describe, expect, it } from 'vitest'
import { ConfigurationError } from '../../../drivers/core/errors/configuration-error.ts'
import type { AliasStrategy } from './alias-types.ts'
import { charset } from './charset.ts'
import { defaultStrategy } from './default-strategy.ts'
import { checkLiteral, makeRealName } from './make-real-name.ts'

const alice = { name: 'Alice', base: 'alice', unique: 'r7k2-x9q2bz' }

describe('makeRealName', () => {
  it('is what the strategy makes when it keeps its rules and the unique part', () => {
    expect(makeRealName(defaultStrategy, alice)).toBe('Alice r7k2-x9q2bz')
  })

  it('fails when the strategy breaks its own rule', () => {
    const sloppy: AliasStrategy = {
      name: 'upper',
      make: ({ base, unique }) => `${base}-${unique}`,
      check: (value) => (value === value.toUpperCase() ? undefined : 'upper case only'),
    }
    expect(() => makeRealName(sloppy, alice)).toThrow(
      new ConfigurationError(
        'Cannot alias "Alice": strategy "upper" made "alice-r7k2-x9q2bz", which breaks its own rule: upper ' +
          'case only. ' +
          'Fix the strategy so that make() keeps what check() asks.',
      ),
    )
  })

  it('fails when the strategy drops part of the unique part, since names could then collide', () => {
    const handle: AliasStrategy = { name: 'handle', make: ({ base, unique }) => `${base}_${unique}`.slice(0, 14) }
    expect(() => makeRealName(handle, alice)).toThrow(
      new ConfigurationError(
        'Cannot alias "Alice": strategy "handle" made "alice_r7k2-x9q", which does not keep the unique part ' +
          '"r7k2-x9q2bz", ' +
          'so names from different scenarios or runs could collide. Keep every letter and digit of `unique`, in order.',
      ),
    )
  })

  it('fails when the strategy makes no name', () => {
    const empty: AliasStrategy = { name: 'empty', make: () => '' }
    expect(() => makeRealName(empty, alice)).toThrow(
      new ConfigurationError(
        'Cannot alias "Alice": strategy "empty" made "", which is not a real name. A strategy\'s make() must ' +
          'return a non-empty string.',
      ),
    )
  })
})

describe('checkLiteral', () => {
  it('accepts a literal that keeps the rules', () => {
    expect(() => checkLiteral(charset('A-Z0-9'), 'GBP')).not.toThrow()
  })

  it('refuses a literal that breaks them', () => {
    expect(() => checkLiteral(charset('A-Z0-9'), 'gb-p')).toThrow(
      new ConfigurationError(
        'Cannot use "gb-p" as a literal name: it breaks the rule of strategy "charset [A-Z0-9]": only the ' +
          'characters [A-Z0-9], found "g". ' +
          'Write the name as the system needs it, or alias it instead.',
      ),
    )
  })
})
