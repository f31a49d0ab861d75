import { describe, expect, it } from 'vitest'
import { JsonObjectSplitter } from './json-object-stream.ts'

const tricky = [
  '{"Type":"container","Action":"start","Actor":{"ID":"a","Attributes":{"name":"x}{"}}}',
  '{"s":"quote \\" brace { } bracket [ ] backslash \\\\","n":[1,{"a":[]}]}',
  '{"s":"\\\\"}',
  '{"u":"caf\u00e9 \\u007b 🐳"}',
  '{}',
]

function splitAll(chunks: Array<string | Buffer>): string[] {
  const splitter = new JsonObjectSplitter()
  return chunks.flatMap((chunk) => splitter.push(chunk))
}

describe('JsonObjectSplitter', () => {
  it('splits newline-delimited objects', () => {
    expect(splitAll([tricky.join('\n') + '\n'])).toEqual(tricky)
  })

  it('splits back-to-back objects', () => {
    expect(splitAll([tricky.join('')])).toEqual(tricky)
  })

  it('splits correctly whatever byte the stream is cut at, even inside a UTF-8 character', () => {
    for (const separator of ['', '\n', '\r\n', ' \n ']) {
      const bytes = Buffer.from(tricky.join(separator), 'utf8')
      for (let cut = 0; cut <= bytes.length; cut++) {
        expect(splitAll([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(tricky)
      }
    }
  })

  it('splits one byte at a time', () => {
    const bytes = Buffer.from(tricky.join('\n'), 'utf8')
    const chunks = [...bytes].map((b) => Buffer.from([b]))
    expect(splitAll(chunks).map((t) => JSON.parse(t))).toEqual(tricky.map((t) => JSON.parse(t)))
  })

  it('reports a partial object', () => {
    const splitter = new JsonObjectSplitter()
    expect(splitter.push('{"a":"}')).toEqual([])
    expect(splitter.hasPartialObject).toBe(true)
    expect(splitter.push('"}')).toEqual(['{"a":"}"}'])
    expect(splitter.hasPartialObject).toBe(false)
  })

  it('rejects text between objects, naming it', () => {
    expect(() => new JsonObjectSplitter().push('{"a":1} oops')).toThrow(
      'JSON object stream: expected "{" between objects but found "o" at "oops"; ' +
        'the source must send JSON objects only, newline-delimited or back to back',
    )
  })
})
