import { describe, expect, test } from 'vitest'
import { failureKindOf } from './failure-kind.ts'

describe('failureKindOf', () => {
  test('reads the kind from the class of the exception', () => {
    expect(failureKindOf({ exception: { type: 'SystemCompromisedError' } })).toBe('system-compromised')
    expect(failureKindOf({ exception: { type: 'AssertionFailedError' } })).toBe('assertion-failed')
    expect(failureKindOf({ exception: { type: 'AssertionError' } })).toBe('assertion-failed')
    expect(failureKindOf({ exception: { type: 'ConfigurationError' } })).toBe('configuration-error')
    expect(failureKindOf({ exception: { type: 'StepTimedOutError' } })).toBe('timed-out')
  })

  test("reads a subclass's kind from the name its stack trace starts with", () => {
    expect(
      failureKindOf({
        exception: {
          type: 'DockerEngineError',
          stackTrace: 'SystemCompromisedError: GET /containers/json answered 500\n    at x (a.ts:1:1)',
        },
      }),
    ).toBe('system-compromised')
  })

  test('any other error is an error: a defect of the test or the system', () => {
    expect(failureKindOf({ exception: { type: 'TypeError', stackTrace: 'TypeError: x is undefined' } })).toBe('error')
    expect(failureKindOf({ exception: { type: 'Error', stackTrace: 'Error: toString' } })).toBe('error')
    expect(failureKindOf({})).toBe('error')
  })
})
