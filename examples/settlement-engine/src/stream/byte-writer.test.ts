import { describe, expect, it } from 'vitest'
import { asciiBytes, ByteWriter } from './byte-writer.ts'

describe('ByteWriter', () => {
  it('writes numbers, money, text and bytes, growing as needed', () => {
    const out = new ByteWriter(4)
    out.raw(asciiBytes('{"seq":')).int(0).raw(asciiBytes(',"n":')).int(9_007_199_254_740_991)
    out
      .utf8(',"who":"Zoë","returns":"')
      .money(5)
      .utf8('","big":"')
      .money(123_456_789)
      .utf8('"}')
      .bytes(Buffer.from('\nxyz'), 0, 1)
    expect(out.take().toString()).toBe(
      '{"seq":0,"n":9007199254740991,"who":"Zoë","returns":"0.05","big":"1234567.89"}\n',
    )
    expect(out.take().length).toBe(0)
  })
})
