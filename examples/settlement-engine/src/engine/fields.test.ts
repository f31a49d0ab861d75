import { describe, expect, it } from 'vitest'
import { checkName } from './fields.ts'

const ALLOWED =
  'send a name of 1 to 200 characters without control characters, invisible format characters (zero-width, BOM, ' +
  'bidi) or line separators'

describe('checkName', () => {
  it('gives names back NFC-normalised, so one name has one form', () => {
    expect(checkName('Zoe\u0308', 'customer')).toBe('Zo\u00eb')
    expect(checkName('Zo\u00eb', 'customer')).toBe('Zo\u00eb')
    expect(checkName('\u212b', 'customer')).toBe('\u00c5')
  })

  it.each([
    ['NUL', 'a\u0000b', 'U+0000, a control character, at character 2', '"a\\u0000b"'],
    ['a C1 control', 'a\u0085', 'U+0085, a control character, at character 2', '"a\\u0085"'],
    ['a zero-width space', 'al\u200bice', 'U+200B, an invisible format character, at character 3', '"al\\u200bice"'],
    ['a zero-width joiner', 'a\u200db', 'U+200D, an invisible format character, at character 2', '"a\\u200db"'],
    ['a BOM', '\ufeffR1', 'U+FEFF, an invisible format character, at character 1', '"\\ufeffR1"'],
    ['a bidi override', 'R\u202e1', 'U+202E, an invisible format character, at character 2', '"R\\u202e1"'],
    ['a bidi isolate', 'R\u20661', 'U+2066, an invisible format character, at character 2', '"R\\u20661"'],
    ['a tag character', 'R\u{e0001}', 'U+E0001, an invisible format character, at character 2', '"R\\udb40\\udc01"'],
    ['a line separator', 'R\u2028', 'U+2028, a line separator, at character 2', '"R\\u2028"'],
  ])('refuses %s, naming the field, the character and what is allowed', (_what, name, found, quoted) => {
    expect(checkName(name, 'legs[0].event')).toEqual({
      ok: false,
      status: 400,
      error: {
        code: 'invalid-field',
        message: `legs[0].event: ${quoted} contains ${found}; ${ALLOWED}`,
        field: 'legs[0].event',
      },
    })
  })

  it('still refuses half a surrogate pair and spaces at the ends', () => {
    expect(checkName('a\ud800', 'id')).toMatchObject({
      error: {
        message: 'id: "a\\ud800" is not valid Unicode; send a name of 1 to 200 characters without spaces at the ends',
      },
    })
    expect(checkName(' a', 'id')).toMatchObject({
      error: {
        message: 'id: " a" has spaces at an end; send a name of 1 to 200 characters without spaces at the ends',
      },
    })
  })
})
