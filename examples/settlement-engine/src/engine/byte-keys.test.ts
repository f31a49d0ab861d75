import { describe, expect, it } from 'vitest'
import { ABSENT, ByteKeys } from './byte-keys.ts'

describe('ByteKeys', () => {
  it('numbers keys in the order added and finds them by bytes or string', () => {
    const keys = new ByteKeys()
    const line = Buffer.from('{"customer":"alice"}')
    expect(keys.intern(line, 13, 18)).toBe(0)
    expect(keys.internString('bob')).toBe(1)
    expect(keys.findString('alice')).toBe(0)
    expect(keys.find(Buffer.from('bob'), 0, 3)).toBe(1)
    expect(keys.findString('carol')).toBe(ABSENT)
    expect(keys.text(0)).toBe('alice')
  })

  it('keeps UTF-8 names, and tells which need escaping in JSON', () => {
    const keys = new ByteKeys()
    const zoe = keys.internString('Zoë')
    const quoted = keys.internString('say "hi"')
    expect(keys.text(zoe)).toBe('Zoë')
    expect(keys.plainJson(zoe)).toBe(true)
    expect(keys.plainJson(quoted)).toBe(false)
  })

  it('holds a hundred thousand keys through every rehash', () => {
    const keys = new ByteKeys()
    const numbers = Array.from({ length: 100_000 }, (_, i) => keys.internString(`c${i}`))
    expect(numbers.every((number, i) => number === i)).toBe(true)
    expect(Array.from({ length: 100_000 }, (_, i) => keys.findString(`c${i}`)).every((number, i) => number === i)).toBe(
      true,
    )
    expect(keys.internString('c99999')).toBe(99_999)
    expect(keys.count).toBe(100_000)
  })
})
