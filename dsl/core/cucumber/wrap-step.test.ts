import { describe, expect, it } from 'vitest'
import { NotApplicableError } from '../../../drivers/core/errors/not-applicable-error.ts'
import { wrapStep } from './install-parlance.ts'
import { ParlanceWorld } from './parlance-world.ts'

const world = () =>
  new ParlanceWorld({ attach: (() => {}) as never, log: () => {}, link: () => {}, parameters: {} })

describe('wrapStep', () => {
  it('keeps a synchronous step synchronous and returns its result', () => {
    const step = wrapStep(function (this: unknown, a: unknown, b: unknown) {
      return `${String(a)}+${String(b)}`
    })
    expect(step.call(world(), 1, 2)).toBe('1+2')
  })

  it('turns a synchronous not-applicable error into a skipped step', () => {
    const step = wrapStep(() => {
      throw new NotApplicableError('ui', 'refund', 'no refund button')
    })
    expect(step.call(world())).toBe('skipped')
  })

  it('turns an asynchronous not-applicable error into a skipped step', async () => {
    const step = wrapStep(async () => {
      throw new NotApplicableError('ui', 'refund', 'no refund button')
    })
    await expect(step.call(world())).resolves.toBe('skipped')
  })

  it('rethrows an asynchronous failure de-aliased', async () => {
    const w = world()
    const alice = w.aliases.alias('Alice')
    const step = wrapStep(async () => {
      throw new Error(`${alice} has no account`)
    })
    await expect(step.call(w)).rejects.toThrow(/^Alice has no account$/)
  })

  it('leaves errors alone outside a scenario (BeforeAll and AfterAll hooks)', () => {
    const error = new Error('alice-r7k2-x9q2bz is missing')
    const hook = wrapStep(() => {
      throw error
    })
    expect(() => hook.call(undefined)).toThrow(error)
  })
})
