import { describe, expect, it } from 'vitest'
import { defaultStrategy } from './default-strategy.ts'

describe('defaultStrategy', () => {
  it('is the spec name as written, a space and the unique part', () => {
    expect(defaultStrategy.name).toBe('default')
    expect(defaultStrategy.make({ name: 'Zoë O’Brien', base: 'zoe-o-brien', unique: 'r7k2-x9q2bz' })).toBe(
      'Zoë O’Brien r7k2-x9q2bz',
    )
  })
})
