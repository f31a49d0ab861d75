import { describe, expect, it } from 'vitest'
import { scriptedRandom } from './random-source.ts'
import { runUnique, scenarioUnique } from './unique-part.ts'

describe('scenarioUnique', () => {
  it('is the run id and six random characters', () => {
    expect(scenarioUnique('r7k2', scriptedRandom('x9q2bz'))).toBe('r7k2-x9q2bz')
  })
})

describe('runUnique', () => {
  it('is derived from the run id and the name only, so every worker of the run gets the same', () => {
    expect(runUnique('r7k2', 'Cheltenham')).toBe('r7k2-n0k1xw')
    expect(runUnique('r7k2', 'Cheltenham')).toBe(runUnique('r7k2', 'Cheltenham'))
  })

  it('differs between runs and between names', () => {
    expect(runUnique('m4p8', 'Cheltenham')).not.toBe(runUnique('r7k2', 'Cheltenham').replace('r7k2', 'm4p8'))
    expect(runUnique('r7k2', 'Aintree')).not.toBe(runUnique('r7k2', 'Cheltenham'))
  })
})
