import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { bufferBody, hasNoBody } from './buffer-body.ts'

describe('bufferBody', () => {
  it('reads a body up to the limit whole', async () => {
    const body = await bufferBody(Readable.from([Buffer.from('ab'), Buffer.from('cd')]), 4)
    expect(body).toEqual({ kind: 'buffered', body: Buffer.from('abcd') })
  })

  it('stops past the limit and hands back what it read and the rest of the stream', async () => {
    const source = Readable.from([Buffer.from('ab'), Buffer.from('cde'), Buffer.from('fg')])
    const body = await bufferBody(source, 4)
    expect(body.kind).toBe('streamed')
    if (body.kind !== 'streamed') return
    expect(Buffer.concat(body.head).toString()).toBe('abcde')
    const rest: Buffer[] = []
    for await (const chunk of body.source) rest.push(chunk as Buffer)
    expect(Buffer.concat(rest).toString()).toBe('fg')
  })

  it('is not needed when the headers announce no body', () => {
    expect(
      [{}, { 'content-length': '0' }, { 'content-length': '3' }, { 'transfer-encoding': 'chunked' }].map(hasNoBody),
    ).toEqual([true, true, false, false])
  })
})
