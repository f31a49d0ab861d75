import { describe, expect, it } from 'vitest'
import { withoutHopByHop } from './forwarded-headers.ts'

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
})
