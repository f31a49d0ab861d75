import { describe, expect, it } from 'vitest'
import { separatorIndex } from './read-strings.ts'

describe('separatorIndex', () => {
  it.each([
    ['stake: £10', 5],
    ['stake:£10', 5],
    ['stake=£10', 5],
    ['stake = £10', 6],
    ['  stake: £10', 7],
    ['each-way: yes', 8],
    ['max_stake: £10', 9],
    ['note: meet at 10:30', 4],
    ['note: a=b', 4],
    ['filter=a:b', 6],
    ['website: http://example.test', 7],
    ['website=http://example.test', 7],
    ['stake:', 5],
  ])('splits %j at %i', (text, index) => {
    expect(separatorIndex(text)).toBe(index)
  })

  it.each([
    ['Red Rum'],
    ['http://example.test'],
    ['https://example.test:8080/path'],
    ['10:30'],
    ['Red Rum: the horse'],
    ['£10'],
    ['-x: 1'],
    [''],
    ['stake'],
    [':value'],
  ])('keeps %j whole, as a value', (text) => {
    expect(separatorIndex(text)).toBe(-1)
  })
})
