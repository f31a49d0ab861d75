import { describe, expect, it } from 'vitest'
import { editDistance, nearest } from './nearest.ts'

describe('nearest', () => {
  const parameters = ['punter', 'selection', 'stake', 'price', 'type']

  it.each([
    ['stak', 'stake'],
    ['Stake', 'stake'],
    ['pnuter', 'punter'],
    ['slection', 'selection'],
    ['selectoin', 'selection'],
    ['tyep', 'type'],
    ['prise', 'price'],
    ['sel', 'selection'],
  ])('suggests %j for %j', (input, suggestion) => {
    expect(nearest(input, parameters)).toBe(suggestion)
  })

  it.each([['zzzz'], ['Alice'], ['x'], [''], ['st']])('suggests nothing for %j', (input) => {
    expect(nearest(input, parameters)).toBeUndefined()
  })

  it('prefers the closer of two candidates, then the first declared', () => {
    expect(nearest('eachway', ['win', 'each-way'])).toBe('each-way')
    expect(nearest('cat', ['bat', 'hat'])).toBe('bat')
  })

  it('suggests a completion only when one candidate starts with the input', () => {
    expect(nearest('each', ['win', 'each-way'])).toBe('each-way')
    expect(nearest('sta', ['stake', 'start'])).toBeUndefined()
  })
})

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours as one edit each', () => {
    expect(editDistance('stake', 'stake')).toBe(0)
    expect(editDistance('stak', 'stake')).toBe(1)
    expect(editDistance('stake', 'stoke')).toBe(1)
    expect(editDistance('tsake', 'stake')).toBe(1)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('alice', 'price')).toBe(2)
  })
})
