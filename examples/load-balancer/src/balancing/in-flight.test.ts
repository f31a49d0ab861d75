import { describe, expect, it } from 'vitest'
import { InFlightCounter } from './in-flight.ts'

describe('InFlightCounter', () => {
  it('counts requests begun and not yet done, per replica', () => {
    const inFlight = new InFlightCounter()
    const first = inFlight.begin('a')
    inFlight.begin('a')
    inFlight.begin('b')
    first()
    expect(inFlight.countFor('a')).toBe(1)
    expect(inFlight.countFor('b')).toBe(1)
    expect(inFlight.countFor('c')).toBe(0)
  })

  it('uncounts a request once however often done is called', () => {
    const inFlight = new InFlightCounter()
    const done = inFlight.begin('a')
    inFlight.begin('a')
    done()
    done()
    expect(inFlight.countFor('a')).toBe(1)
  })

  it('shows only replicas with requests in flight, sorted by id', () => {
    const inFlight = new InFlightCounter()
    inFlight.begin('b')
    inFlight.begin('a')()
    inFlight.begin('c')
    expect(inFlight.snapshot()).toEqual({ b: 1, c: 1 })
    expect(Object.keys(inFlight.snapshot())).toEqual(['b', 'c'])
  })
})
