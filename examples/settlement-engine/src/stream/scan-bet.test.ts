import { describe, expect, it } from 'vitest'
import { ScannedBet, scanBet } from './scan-bet.ts'

function scan(line: string): ScannedBet | undefined {
  const bytes = Buffer.from(line)
  const scanned = new ScannedBet()
  return scanBet(bytes, 0, bytes.length, scanned) ? scanned : undefined
}

describe('scanBet', () => {
  it('reads the plain form into byte ranges and pence', () => {
    const line =
      '{"type":"bet","customer":"c7","stake":"2.5","eachWay":true,"legs":[{"event":"R1","runner":"Red ' +
      'Rum","price":"5/1"},{"event":"R2","runner":"A","price":"SP"}]}'
    const scanned = scan(line)!
    expect(line.slice(scanned.customerStart, scanned.customerEnd)).toBe('c7')
    expect(scanned.stakePence).toBe(250)
    expect(scanned.eachWay).toBe(true)
    expect(scanned.legCount).toBe(2)
    expect(line.slice(scanned.runnerStart[0], scanned.runnerEnd[0])).toBe('Red Rum')
    expect(line.slice(scanned.priceStart[1], scanned.priceEnd[1])).toBe('SP')
  })

  it('takes any key order and JSON spacing', () => {
    expect(
      scan(
        ' { "legs" : [ { "price" : "2/1" , "event" : "R1" , "runner" : "A" } ] , "stake" : "10" , "customer" : ' +
          '"c" , "type" : "bet" } \r',
      )?.stakePence,
    ).toBe(1000)
  })

  it.each([
    ['an id', '{"type":"bet","id":"x","customer":"c","stake":"1","legs":[{"event":"R","runner":"A","price":"2/1"}]}'],
    ['an escape', '{"type":"bet","customer":"c\\u0031","stake":"1","legs":[{"event":"R","runner":"A","price":"2/1"}]}'],
    ['non-ASCII', '{"type":"bet","customer":"Zoë","stake":"1","legs":[{"event":"R","runner":"A","price":"2/1"}]}'],
    ['£', '{"type":"bet","customer":"c","stake":"£1","legs":[{"event":"R","runner":"A","price":"2/1"}]}'],
    ['a zero stake', '{"type":"bet","customer":"c","stake":"0.00","legs":[{"event":"R","runner":"A","price":"2/1"}]}'],
    ['a leading zero', '{"type":"bet","customer":"c","stake":"01","legs":[{"event":"R","runner":"A","price":"2/1"}]}'],
    [
      'three decimals',
      '{"type":"bet","customer":"c","stake":"1.001","legs":[{"event":"R","runner":"A","price":"2/1"}]}',
    ],
    [
      'a duplicate key',
      '{"type":"bet","customer":"c","customer":"d","stake":"1","legs":[{"event":"R","runner":"A","price":"2/1"}]}',
    ],
    [
      'an unknown key',
      '{"type":"bet","customer":"c","stake":"1","legs":[{"event":"R","runner":"A","price":"2/1"}],"x":1}',
    ],
    ['no legs', '{"type":"bet","customer":"c","stake":"1","legs":[]}'],
    ['another type', '{"type":"void","customer":"c","stake":"1","legs":[{"event":"R","runner":"A","price":"2/1"}]}'],
    [
      'a space at a name end',
      '{"type":"bet","customer":"c ","stake":"1","legs":[{"event":"R","runner":"A","price":"2/1"}]}',
    ],
    ['trailing text', '{"type":"bet","customer":"c","stake":"1","legs":[{"event":"R","runner":"A","price":"2/1"}]} x'],
    ['a missing brace', '{"type":"bet","customer":"c","stake":"1","legs":[{"event":"R","runner":"A","price":"2/1"}]'],
    // What readStrictJson or checkName refuses must never be taken here.
    [
      'an escaped duplicate key',
      '{"type":"bet","customer":"c","st\\u0061ke":"2","stake":"1","legs":[{"event":"R","runner":"A","price":"2/1"}]}',
    ],
    [
      'a duplicate key in a leg',
      '{"type":"bet","customer":"c","stake":"1","legs":[{"event":"R","runner":"A","runner":"B","price":"2/1"}]}',
    ],
    [
      'a zero-width space',
      '{"type":"bet","customer":"c\u200b","stake":"1","legs":[{"event":"R","runner":"A","price":"2/1"}]}',
    ],
    [
      'a bidi override',
      '{"type":"bet","customer":"c","stake":"1","legs":[{"event":"R\u202e","runner":"A","price":"2/1"}]}',
    ],
    ['a NUL byte', '{"type":"bet","customer":"c\u0000","stake":"1","legs":[{"event":"R","runner":"A","price":"2/1"}]}'],
    ['a DEL byte', '{"type":"bet","customer":"c\u007f","stake":"1","legs":[{"event":"R","runner":"A","price":"2/1"}]}'],
    [
      'a non-NFC name',
      '{"type":"bet","customer":"Zoe\u0308","stake":"1","legs":[{"event":"R","runner":"A","price":"2/1"}]}',
    ],
    [
      'a nested extra',
      '{"type":"bet","customer":"c","stake":"1","legs":[{"event":"R","runner":"A","price":"2/1","x":[]}]}',
    ],
  ])('leaves a line with %s to JSON.parse', (_what, line) => {
    expect(scan(line)).toBeUndefined()
  })
})
