import { describe, expect, it } from 'vitest'
import { fraction } from '../arithmetic/fraction.ts'
import { parseOdds } from '../arithmetic/price.ts'
import { rule4Deduction, rule4For, type Rule4Withdrawal } from './rule4.ts'

describe('rule4Deduction', () => {
  // Each band's listed ends, and the prices between bands, which fall in the
  // longer band: a band runs up to and including its longest listed price.
  it.each([
    ['1/100', 90],
    ['1/9', 90],
    ['23/200', 85],
    ['2/17', 85],
    ['1/8', 85],
    ['2/11', 85],
    ['19/100', 80],
    ['1/5', 80],
    ['2/9', 80],
    ['1/4', 80],
    ['4/15', 75],
    ['2/7', 75],
    ['3/10', 75],
    ['8/25', 70],
    ['1/3', 70],
    ['2/5', 70],
    ['21/50', 65],
    ['4/9', 65],
    ['1/2', 65],
    ['8/15', 65],
    ['11/20', 60],
    ['4/7', 60],
    ['8/13', 60],
    ['5/8', 55],
    ['4/6', 55],
    ['4/5', 55],
    ['81/100', 50],
    ['5/6', 50],
    ['10/11', 50],
    ['20/21', 50],
    ['97/100', 45],
    ['evens', 45],
    ['6/5', 45],
    ['11/9', 40],
    ['5/4', 40],
    ['11/8', 40],
    ['6/4', 40],
    ['31/20', 35],
    ['8/5', 35],
    ['13/8', 35],
    ['7/4', 35],
    ['177/100', 30],
    ['9/5', 30],
    ['15/8', 30],
    ['2/1', 30],
    ['9/4', 30],
    ['23/10', 25],
    ['12/5', 25],
    ['5/2', 25],
    ['11/4', 25],
    ['3/1', 25],
    ['31/10', 20],
    ['16/5', 20],
    ['10/3', 20],
    ['7/2', 20],
    ['4/1', 20],
    ['17/4', 15],
    ['9/2', 15],
    ['5/1', 15],
    ['11/2', 15],
    ['23/4', 10],
    ['6/1', 10],
    ['8/1', 10],
    ['9/1', 10],
    ['19/2', 5],
    ['10/1', 5],
    ['12/1', 5],
    ['14/1', 5],
    ['29/2', 0],
    ['15/1', 0],
    ['100/1', 0],
  ])('a runner withdrawn at %s brings %ip', (price, pence) => {
    expect(rule4Deduction(parseOdds(price))).toBe(pence)
  })

  it('compares exactly at the edges, however large the numbers', () => {
    const big = 2 ** 48
    expect(rule4Deduction(fraction(14 * big + 1, big))).toBe(0) // a hair over 14/1
    expect(rule4Deduction(fraction(big + 1, 9 * big))).toBe(85) // a hair over 1/9
    expect(rule4Deduction(fraction(1, Number.MAX_SAFE_INTEGER))).toBe(90)
    expect(rule4Deduction(fraction(Number.MAX_SAFE_INTEGER, 1))).toBe(0)
  })
})

describe('rule4For', () => {
  const at = (seq: number, pence: number, late = false, runner = `W${seq}`): Rule4Withdrawal => ({
    runner,
    seq,
    late,
    pence,
  })

  it('adds several withdrawals up', () => {
    expect(rule4For([at(7, 25), at(6, 10)], 5, false)).toBe(35)
  })

  it('caps the total at 90p', () => {
    expect(rule4For([at(7, 70), at(6, 40)], 5, false)).toBe(90)
    expect(rule4For([at(8, 90), at(7, 90), at(6, 85)], 5, false)).toBe(90)
  })

  it('spares bets struck after a withdrawal, and only those', () => {
    expect(rule4For([at(7, 25)], 8, false)).toBe(0)
    expect(rule4For([at(9, 10), at(7, 25)], 8, false)).toBe(10)
  })

  it('deducts from SP bets only for a late withdrawal', () => {
    expect(rule4For([at(7, 25)], 5, true)).toBe(0)
    expect(rule4For([at(7, 25, true)], 5, true)).toBe(25)
    expect(rule4For([at(9, 10, true), at(7, 25)], 5, true)).toBe(10)
  })

  it('deducts from an SP bet struck after a late withdrawal: its SP was formed with the runner still in it', () => {
    expect(rule4For([at(7, 25, true)], 8, true)).toBe(25)
    expect(rule4For([at(7, 25)], 8, true)).toBe(0)
  })
})
