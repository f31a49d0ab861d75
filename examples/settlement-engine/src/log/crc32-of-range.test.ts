import { crc32 } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { crc32OfRange } from './crc32-of-range.ts'

describe('crc32OfRange', () => {
  it('is zlib.crc32 of the range, for every length from 0 to 300 and any offset', () => {
    const bytes = Buffer.alloc(400)
    let seed = 2024
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0
      bytes[i] = seed >>> 24
    }
    for (let length = 0; length <= 300; length++)
      for (const start of [0, 1, 3, 7, 99]) {
        expect(crc32OfRange(bytes, start, start + length)).toBe(crc32(bytes.subarray(start, start + length)))
      }
  })

  it('gives the checksum a log line carries', () => {
    const line = Buffer.from('x{"type":"void","event":"R1"}')
    expect(crc32OfRange(line, 1, line.length).toString(16)).toBe('56bbf761')
  })
})
