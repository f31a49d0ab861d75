import { describe, expect, it } from 'vitest'
import { placeTermsFor } from './place-terms.ts'

const QUARTER_2 = { fraction: { num: 1, den: 4 }, places: 2 }
const FIFTH_3 = { fraction: { num: 1, den: 5 }, places: 3 }
const QUARTER_3 = { fraction: { num: 1, den: 4 }, places: 3 }
const QUARTER_4 = { fraction: { num: 1, den: 4 }, places: 4 }

describe('placeTermsFor', () => {
  it.each([
    [1, false, undefined],
    [4, false, undefined],
    [4, true, undefined],
    [5, false, QUARTER_2],
    [7, false, QUARTER_2],
    [5, true, QUARTER_2],
    [7, true, QUARTER_2],
    [8, false, FIFTH_3],
    [12, false, FIFTH_3],
    [16, false, FIFTH_3],
    [30, false, FIFTH_3],
    [8, true, FIFTH_3],
    [11, true, FIFTH_3],
    [12, true, QUARTER_3],
    [15, true, QUARTER_3],
    [16, true, QUARTER_4],
    [40, true, QUARTER_4],
  ])('%i runners under orders, handicap %s: %j', (runnersUnderOrders, handicap, terms) => {
    expect(placeTermsFor({ runnersUnderOrders, handicap })).toEqual(terms)
  })

  it('takes the terms the event states over the table, even in a small field', () => {
    const stated = { fraction: { num: 1, den: 5 }, places: 5 }
    expect(placeTermsFor({ runnersUnderOrders: 3, handicap: false, explicit: stated })).toBe(stated)
    expect(placeTermsFor({ runnersUnderOrders: 20, handicap: true, explicit: stated })).toBe(stated)
  })
})
