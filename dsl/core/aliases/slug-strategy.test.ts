import { describe, expect, it } from 'vitest'
import { slug } from './slug-strategy.ts'

describe('slug', () => {
  it('is the safe form of the spec name, a - and the unique part', () => {
    expect(slug.name).toBe('slug')
    expect(slug.make({ name: 'Continuous Delivery', base: 'continuous-delivery', unique: 'r7k2-x9q2bz' })).toBe(
      'continuous-delivery-r7k2-x9q2bz',
    )
  })

  it('checks that a value is lower-case letters and digits joined by single -', () => {
    expect(slug.check?.('continuous-delivery-r7k2-x9q2bz')).toBeUndefined()
    expect(['GBP', 'a--b', '-a', 'a-', 'a b', 'zoë'].map((value) => slug.check?.(value))).toEqual(
      Array(6).fill('only lower-case letters and digits, words joined by single "-"'),
    )
  })
})
