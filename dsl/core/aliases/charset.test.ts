import { describe, expect, it } from 'vitest'
import { ConfigurationError } from '../../../drivers/core/errors/configuration-error.ts'
import { charset } from './charset.ts'
import { maxLength } from './max-length.ts'
import { slug } from './slug-strategy.ts'

const alice = { name: 'Alice Smith', base: 'alice-smith', unique: 'r7k2-x9q2bz' }

describe('charset', () => {
  it('drops characters that are not allowed', () => {
    const strategy = charset('a-z0-9')
    expect(strategy.name).toBe('charset [a-z0-9]')
    expect(strategy.make(alice)).toBe('alicesmithr7k2x9q2bz')
  })

  it('upper-cases when only upper-case letters are allowed, and puts the separator between words', () => {
    expect(charset('A-Z0-9_', { separator: '_' }).make(alice)).toBe('ALICE_SMITH_R7K2_X9Q2BZ')
  })

  it('drops the accent of a letter that is allowed only without it', () => {
    const zoe = { name: 'Zoë O’Brien', base: 'zoe-o-brien', unique: 'r7k2-x9q2bz' }
    expect(charset('a-z0-9-', { separator: '-' }).make(zoe)).toBe('zoe-o-brien-r7k2-x9q2bz')
    expect(charset('A-Za-zë0-9 ').make(zoe)).toBe('Zoë OBrien r7k2x9q2bz')
  })

  it('keeps the name readable where the rule allows it, and fits the slug form when given it', () => {
    const race = { name: 'the 2:30, Kempton', base: 'the-2-30-kempton', unique: 'r7k2-x9q2bz' }
    expect(charset('^,').make(race)).toBe('the 2:30 Kempton r7k2-x9q2bz')
    const strategy = charset('a-z0-9_', { separator: '_', inner: slug })
    expect(strategy.name).toBe('charset [a-z0-9_], slug')
    expect(strategy.make(race)).toBe('the_2_30_kempton_r7k2_x9q2bz')
  })

  it('lower-cases when only lower-case letters are allowed', () => {
    const shout = {
      name: 'shout',
      make: ({ base, unique }: { base: string; unique: string }) => `${base}-${unique}`.toUpperCase(),
    }
    expect(charset('a-z0-9', { inner: shout }).make(alice)).toBe('alicesmithr7k2x9q2bz')
  })

  it('wraps another strategy', () => {
    const strategy = charset('A-Z0-9', { inner: maxLength(16) })
    expect(strategy.name).toBe('charset [A-Z0-9], max 16 chars')
    expect(strategy.make(alice)).toBe('ALICR7K2X9Q2BZ')
  })

  it('checks that every character is allowed', () => {
    expect(charset('A-Z0-9').check?.('ALICE-R7K2')).toBe('only the characters [A-Z0-9], found "-"')
    expect(charset('A-Z0-9').check?.('ALICER7K2')).toBeUndefined()
  })

  it('refuses a set without the letters and digits of the unique part', () => {
    expect(() => charset('a-z')).toThrow(
      new ConfigurationError(
        'charset("a-z"): the unique part of a real name is made of the letters a-z and digits 0-9, so the ' +
          'allowed characters ' +
          'must include 0-9 and either a-z or A-Z, such as "a-z0-9" or "A-Z0-9_".',
      ),
    )
  })

  it('refuses a separator that is not allowed', () => {
    expect(() => charset('a-z0-9', { separator: '-' })).toThrow(
      new ConfigurationError(
        'charset("a-z0-9"): the separator "-" is not one of the allowed characters; choose one that is, or none.',
      ),
    )
  })

  it('refuses a set that is not a valid character class', () => {
    expect(() => charset('z-a0-9')).toThrow(
      new ConfigurationError(
        'charset("z-a0-9"): not a valid set of characters (Invalid regular expression: /^[z-a0-9]$/u: Range ' +
          'out of order in character class). ' +
          'Write them as inside a regular expression\'s [...], such as "a-z0-9".',
      ),
    )
  })
})
