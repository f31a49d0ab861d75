import { describe, expect, it } from 'vitest'
import { ConfigurationError } from '../../../drivers/core/errors/configuration-error.ts'
import { charset } from './charset.ts'
import { email } from './email.ts'
import { maxLength } from './max-length.ts'
import { slug } from './slug-strategy.ts'

const parts = (name: string, base: string) => ({ name, base, unique: 'r7k2-x9q2bz' })

describe('maxLength', () => {
  it('leaves a name that fits', () => {
    expect(maxLength(20).make(parts('Alice', 'alice'))).toBe('Alice r7k2-x9q2bz')
  })

  it('shortens the spec name, never the unique part, and drops dangling spaces and punctuation', () => {
    const strategy = maxLength(20)
    expect(strategy.make(parts('Grand National Handicap', 'grand-national-handicap'))).toBe('Grand Na r7k2-x9q2bz')
    expect(strategy.make(parts('Red Rum Legend', 'red-rum-legend'))).toBe('Red Rum r7k2-x9q2bz')
    expect(maxLength(19).make(parts('Smith, Alice', 'smith-alice'))).toBe('Smith r7k2-x9q2bz')
  })

  it('shortens the slug form, dropping a dangling -', () => {
    const strategy = maxLength(20, slug)
    expect(strategy.name).toBe('slug, max 20 chars')
    expect(strategy.make(parts('Grand National Handicap', 'grand-national-handicap'))).toBe('grand-na-r7k2-x9q2bz')
    expect(strategy.make(parts('Red Rum Legend', 'red-rum-legend'))).toBe('red-rum-r7k2-x9q2bz')
  })

  it('counts a character outside the BMP as the two it takes, and never splits it', () => {
    expect(maxLength(16).make(parts('🐎🐎🐎 Express', 'express'))).toBe('🐎🐎 r7k2-x9q2bz')
  })

  it('keeps one character of the name at the smallest limit', () => {
    expect(maxLength(13).make(parts('Alice', 'alice'))).toBe('A r7k2-x9q2bz')
  })

  it('fails, naming the alias, the strategy and the value, when the unique part cannot fit', () => {
    expect(() => maxLength(12).make(parts('Alice', 'alice'))).toThrow(
      new ConfigurationError(
        'Cannot alias "Alice": strategy "max 12 chars" cannot fit the unique part "r7k2-x9q2bz" and one ' +
          'character of the name ' +
          'into 12 characters ("A r7k2-x9q2bz" has 13). Allow at least 13 characters, or use a shorter run id.',
      ),
    )
  })

  it('wraps another strategy, shortening what it is given', () => {
    const strategy = maxLength(31, email('example.test'))
    expect(strategy.name).toBe('email @example.test, max 31 chars')
    expect(strategy.make(parts('Alice Smith', 'alice-smith'))).toBe('alice-s.r7k2x9q2bz@example.test')
    expect(maxLength(12, charset('a-z0-9')).make(parts('Alice Smith', 'alice-smith'))).toBe('alr7k2x9q2bz')
  })

  it('checks its limit and the inner strategy rules', () => {
    const strategy = maxLength(30, email('example.test'))
    expect(strategy.check?.('alice-smith-jones.r7k2x9q2bz@example.test')).toBe('at most 30 characters, got 41')
    expect(strategy.check?.('alice.r7k2x9q2bz@example.org')).toBe('an address at example.test')
    expect(strategy.check?.('alice.r7k2x9q2bz@example.test')).toBeUndefined()
  })

  it.each([0, -3, 2.5, Number.NaN])('refuses a limit of %s', (limit) => {
    expect(() => maxLength(limit)).toThrow(
      new ConfigurationError(
        `maxLength(${limit}): the limit must be a whole number of characters, at least 1, such as maxLength(20).`,
      ),
    )
  })
})
