import { describe, expect, it } from 'vitest'
import { deadHeatFactor, finishesOf } from './dead-heat.ts'

describe('finishesOf', () => {
  it('counts runners ahead: after a two-way dead heat for 2nd the next runner is 4th', () => {
    const finishes = finishesOf([['A'], ['B', 'C'], ['D'], ['E']])
    expect(Object.fromEntries(finishes)).toEqual({
      A: { position: 1, tied: 1 },
      B: { position: 2, tied: 2 },
      C: { position: 2, tied: 2 },
      D: { position: 4, tied: 1 },
      E: { position: 5, tied: 1 },
    })
  })
})

describe('deadHeatFactor', () => {
  it.each([
    ['no dead heat, in the places', { position: 3, tied: 1 }, 3, { num: 1, den: 1 }],
    ['two-way dead heat for the win', { position: 1, tied: 2 }, 1, { num: 1, den: 2 }],
    ['two-way dead heat for 1st, 3 places paid', { position: 1, tied: 2 }, 3, { num: 1, den: 1 }],
    ['three dead-heat for 2nd, 3 places: 2 places left among 3', { position: 2, tied: 3 }, 3, { num: 2, den: 3 }],
    ['two dead-heat for 3rd, 3 places: 1 place left among 2', { position: 3, tied: 2 }, 3, { num: 1, den: 2 }],
    ['four dead-heat for 2nd, 3 places', { position: 2, tied: 4 }, 3, { num: 1, den: 2 }],
    ['two dead-heat for 2nd, 2 places', { position: 2, tied: 2 }, 2, { num: 1, den: 2 }],
  ])('%s', (_, finish, places, factor) => {
    expect(deadHeatFactor(finish, places)).toEqual(factor)
  })

  it('pays nothing out of the places', () => {
    expect(deadHeatFactor({ position: 4, tied: 1 }, 3)).toBeUndefined()
    expect(deadHeatFactor({ position: 2, tied: 2 }, 1)).toBeUndefined()
  })
})
