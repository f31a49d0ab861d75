import { describe, expect, it } from 'vitest'
import { AssertionFailedError } from '../../../drivers/core/errors/assertion-failed-error.ts'
import { dealiasError } from './dealias-error.ts'
import { Dealiaser } from './dealiaser.ts'

const dealias = (text: string) => Dealiaser.compile([['alice-r7k2-x9q2bz', 'Alice']]).dealias(text)

describe('dealiasError', () => {
  it('rewrites the message and the stack in place, and returns the same error', () => {
    const error = new AssertionFailedError('expected alice-r7k2-x9q2bz to be paid £60.00')
    expect(dealiasError(error, dealias)).toBe(error)
    expect(error.message).toBe('expected Alice to be paid £60.00')
    expect(error.stack).toContain('AssertionFailedError: expected Alice to be paid £60.00')
    expect(error.stack).not.toContain('alice-r7k2-x9q2bz')
  })

  it('rewrites the cause chain and the errors of an AggregateError, once each even in a cycle', () => {
    const inner = new Error('GET /accounts/alice-r7k2-x9q2bz: 404')
    const outer = new Error('no account alice-r7k2-x9q2bz', { cause: inner })
    inner.cause = outer
    const both = new AggregateError(
      [outer, new Error('alice-r7k2-x9q2bz timed out')],
      'two failures for alice-r7k2-x9q2bz',
    )
    dealiasError(both, dealias)
    expect([both.message, outer.message, inner.message, (both.errors[1] as Error).message]).toEqual([
      'two failures for Alice',
      'no account Alice',
      'GET /accounts/Alice: 404',
      'Alice timed out',
    ])
  })

  it('leaves a frozen error and a thrown non-error alone', () => {
    const frozen = Object.freeze(new Error('alice-r7k2-x9q2bz'))
    expect(dealiasError(frozen, dealias).message).toBe('alice-r7k2-x9q2bz')
    expect(dealiasError('alice-r7k2-x9q2bz', dealias)).toBe('alice-r7k2-x9q2bz')
  })
})
