import { describe, expect, it } from 'vitest'
import { isSettleable } from './bet-facts.ts'
import { bet, race } from './settlement-fixtures.ts'

describe('isSettleable', () => {
  const resulted = race('R1', { runners: 8, placings: [['A']] })
  const open = race('R2', { runners: 8, withdrawals: [['B', '2/1', 2]] })
  const voided = race('R3', { runners: 8, void: true })
  const lookup = (event: string) => [resulted, open, voided].find((outcome) => outcome.event === event)

  it('is true once every leg’s race is resulted or void', () => {
    expect(isSettleable(bet('1', [['R1', 'A', '2/1']]), lookup)).toBe(true)
    expect(
      isSettleable(
        bet('1', [
          ['R1', 'A', '2/1'],
          ['R3', 'A', '2/1'],
        ]),
        lookup,
      ),
    ).toBe(true)
  })

  it('is false while a leg’s race is still to run', () => {
    expect(isSettleable(bet('1', [['R2', 'A', '2/1']]), lookup)).toBe(false)
    expect(
      isSettleable(
        bet('1', [
          ['R1', 'A', '2/1'],
          ['R2', 'A', '2/1'],
        ]),
        lookup,
      ),
    ).toBe(false)
  })

  it('is true for a leg on a withdrawn runner, race run or not', () => {
    expect(isSettleable(bet('1', [['R2', 'B', '2/1']]), lookup)).toBe(true)
    expect(
      isSettleable(
        bet('1', [
          ['R1', 'A', '2/1'],
          ['R2', 'B', '2/1'],
        ]),
        lookup,
      ),
    ).toBe(true)
  })

  it('is false for an event the lookup does not know', () => {
    expect(isSettleable(bet('1', [['R9', 'A', '2/1']]), lookup)).toBe(false)
  })
})
