import { describe, expect, it } from 'vitest'
import { parseBalancingStrategy } from './strategy.ts'

describe('parseBalancingStrategy', () => {
  it('defaults to round-robin when the option is absent', () => {
    expect(parseBalancingStrategy(undefined)).toBe('round-robin')
  })

  it('accepts each known strategy', () => {
    expect(parseBalancingStrategy('round-robin')).toBe('round-robin')
    expect(parseBalancingStrategy('least-connections')).toBe('least-connections')
  })

  it('names the bad value and the accepted ones', () => {
    expect(() => parseBalancingStrategy('random')).toThrow(
      new Error('Balancing strategy "random" is not supported; use one of: round-robin, least-connections.'),
    )
  })

  it('suggests the strategy a differently cased value meant', () => {
    expect(() => parseBalancingStrategy('Least-Connections')).toThrow(
      new Error(
        'Balancing strategy "Least-Connections" is not supported; use one of: round-robin, least-connections.' +
          ' Did you mean "least-connections"?',
      ),
    )
  })
})
