import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { rawWithoutHopByHop, withBodyLength, withoutHopByHop } from './forwarded-headers.ts'

describe('withoutHopByHop', () => {
  it('drops hop-by-hop headers and those the Connection header names', () => {
    expect(
      withoutHopByHop({
        connection: 'keep-alive, X-Trace',
        'keep-alive': 'timeout=5',
        'transfer-encoding': 'chunked',
        upgrade: 'websocket',
        'x-trace': '1',
        accept: 'text/plain',
        'set-cookie': ['a=1', 'b=2'],
      }),
    ).toEqual({ accept: 'text/plain', 'set-cookie': ['a=1', 'b=2'] })
  })

  it('keeps every header when Connection names only keep-alive', () => {
    expect(withoutHopByHop({ connection: 'Keep-Alive', 'x-trace': '1' })).toEqual({ 'x-trace': '1' })
  })
})

describe('rawWithoutHopByHop', () => {
  const raw = (...pairs: string[]) => pairs.map((part) => Buffer.from(part, 'latin1'))

  it('drops hop-by-hop headers and those any Connection header names, keeping case, order and repeats', () => {
    expect(
      rawWithoutHopByHop(
        raw(
          'Content-Type',
          'text/plain',
          'Connection',
          'keep-alive',
          'Keep-Alive',
          'timeout=5',
          'Transfer-Encoding',
          'chunked',
          'Set-Cookie',
          'a=1',
          'Connection',
          'X-Trace',
          'X-Trace',
          '1',
          'Set-Cookie',
          'b=2',
        ),
      ),
    ).toEqual(['Content-Type', 'text/plain', 'Set-Cookie', 'a=1', 'Set-Cookie', 'b=2'])
  })

  it('keeps Latin-1 values byte for byte', () => {
    expect(rawWithoutHopByHop(raw('X-Name', 'caf\u00e9'))).toEqual(['X-Name', 'caf\u00e9'])
  })
})

describe('withBodyLength', () => {
  it('gives a buffered body its length in place of chunked encoding, and leaves a streamed one alone', () => {
    const buffered = { kind: 'buffered' as const, body: Buffer.from('abcd') }
    expect(withBodyLength({ 'transfer-encoding': 'chunked', accept: '*' }, buffered)).toEqual({
      accept: '*',
      'content-length': '4',
    })
    expect(withBodyLength({ accept: '*' }, { kind: 'buffered', body: Buffer.alloc(0) })).toEqual({ accept: '*' })
    const streamed = { kind: 'streamed' as const, head: [], source: Readable.from([]) }
    expect(withBodyLength({ 'content-length': '9' }, streamed)).toEqual({ 'content-length': '9' })
  })
})
