import { describe, expect, it } from 'vitest'
import { MAX_JSON_DEPTH, readStrictJson } from './strict-json.ts'

function nested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth)
}

const DEEP =
  'the body nests deeper than 32 levels; the limit is 32. Send the command as documented: none nests more than 3 levels'

describe('readStrictJson', () => {
  it('reads valid JSON within the limits as JSON.parse does', () => {
    expect(readStrictJson('{"a":{},"b":[],"c":{"a":"\\"{[,"},"d":[{"a":1},{"a":2}]}', 'body')).toEqual({
      ok: true,
      value: { a: {}, b: [], c: { a: '"{[,' }, d: [{ a: 1 }, { a: 2 }] },
    })
    expect(readStrictJson(nested(MAX_JSON_DEPTH), 'line').ok).toBe(true)
  })

  it('refuses text that is not JSON, in the words of the channel', () => {
    expect(readStrictJson('{"a":', 'body')).toEqual({
      ok: false,
      status: 400,
      error: {
        code: 'invalid-json',
        message: 'the body is not JSON (Unexpected end of JSON input); send one JSON object',
      },
    })
    expect(readStrictJson('x', 'line')).toMatchObject({
      error: {
        message: 'the line is not JSON (Unexpected token \'x\', "x" is not valid JSON); send one JSON command per line',
      },
    })
  })

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH}, naming the limit and the field it is in`, () => {
    expect(readStrictJson(nested(33), 'body')).toEqual({
      ok: false,
      status: 400,
      error: { code: 'too-deep', message: DEEP },
    })
    expect(readStrictJson(`{"type":"bet","extra":${nested(5000)}}`, 'line')).toEqual({
      ok: false,
      status: 400,
      error: {
        code: 'too-deep',
        message:
          'the line nests deeper than 32 levels (in "extra"); the limit is 32. Send the command as documented: ' +
          'none nests more than 3 levels',
        field: 'extra',
      },
    })
  })

  it.each([
    ['a plain repeat', '{"stake":"10","stake":"20"}', 'stake', '"stake"'],
    ['an escaped repeat', '{"st\\u0061ke":"10","stake":"20"}', 'stake', '"stake"'],
    ['a repeat in a leg', '{"legs":[{"event":"R1","price":"2/1","price":"5/1"}]}', 'legs[0].price', '"price"'],
    ['a repeat further in', '{"legs":[{},{"x":{"a b":{"z":1,"z":2}}}]}', 'legs[1].x["a b"].z', '"z"'],
    ['a prototype key', '{"__proto__":{},"__proto__":[]}', '__proto__', '"__proto__"'],
  ])('refuses %s, naming the key and its path', (_what, text, field, key) => {
    expect(readStrictJson(text, 'body')).toEqual({
      ok: false,
      status: 400,
      error: {
        code: 'duplicate-key',
        message:
          `${field}: the body gives the key ${key} twice in one object (keys are compared after unescaping); ` +
          'send each key once',
        field,
      },
    })
  })

  it('lets the same key stand in different objects', () => {
    expect(readStrictJson('{"a":{"a":{"a":1}},"b":[{"a":1},{"a":2}]}', 'body').ok).toBe(true)
  })
})
