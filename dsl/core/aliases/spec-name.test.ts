import { describe, expect, it } from 'vitest'
import { ConfigurationError } from '../../../drivers/core/errors/configuration-error.ts'
import { slugify } from './spec-name.ts'

describe('slugify', () => {
  it('lower-cases and joins words with -', () => {
    expect(slugify('Red Rum')).toBe('red-rum')
  })

  it('drops accents and turns each run of other characters into one -', () => {
    expect(slugify('  Zoë O’Brien & Co. ')).toBe('zoe-o-brien-co')
  })

  it('keeps digits', () => {
    expect(slugify('Race 1')).toBe('race-1')
  })

  it.each([
    ['', '""'],
    ['!!!', '"!!!"'],
    ['  ', '"  "'],
    ['Ω', '"Ω"'],
  ])('refuses %j: there is nothing to make a real name from', (name, quoted) => {
    expect(() => slugify(name)).toThrow(
      new ConfigurationError(
        `Cannot alias ${quoted}: a spec name needs at least one letter (a-z, accents allowed) or digit to make ` +
          `a real name from. ` +
          'Write a name such as "Alice" or "Race 1".',
      ),
    )
  })
})
