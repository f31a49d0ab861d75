import { describe, expect, it } from 'vitest'
import { AssertionFailedError } from '../../../drivers/core/errors/assertion-failed-error.ts'
import { NotApplicableError } from '../../../drivers/core/errors/not-applicable-error.ts'
import { NotRunError } from '../../../drivers/core/errors/not-run-error.ts'
import { ParlanceWorld } from './parlance-world.ts'
import { settleStepError } from './step-errors.ts'

function makeWorld() {
  const attachments: Array<{ data: unknown; options: unknown }> = []
  const world = new ParlanceWorld({
    attach: ((data: unknown, options: unknown) => attachments.push({ data, options })) as never,
    log: () => {},
    link: () => {},
    parameters: {},
  })
  return { world, attachments }
}

describe('settleStepError', () => {
  it('shows a failure in the spec names and gives it the step, channel and alias table', () => {
    const { world } = makeWorld()
    const alice = world.aliases.alias('Alice')
    world.currentStep = 'Then Alice is paid £6.00'
    const error = new AssertionFailedError(`${alice} was paid £5.00; expected £6.00 (malice-x ${alice}z)`)

    expect(() => settleStepError(world, error)).toThrow(error)
    expect(error.message).toBe(`Alice was paid £5.00; expected £6.00 (malice-x ${alice}z)`)
    expect(error.context).toEqual({ step: 'Then Alice is paid £6.00', aliases: { Alice: alice } })
  })

  it('de-aliases errors that are not Parlance errors too', () => {
    const { world } = makeWorld()
    const bob = world.aliases.alias('Bob')
    const error = new TypeError(`cannot read account ${bob}`)
    expect(() => settleStepError(world, error)).toThrow('cannot read account Bob')
  })

  it('turns not-applicable into a skipped step with the reason attached', () => {
    const { world, attachments } = makeWorld()
    const result = settleStepError(
      world,
      new NotApplicableError('ui', 'amendResult', 'the trader pages cannot amend a result'),
    )
    expect(result).toBe('skipped')
    expect(attachments).toEqual([
      {
        data:
          '{"outcome":"not-applicable","channel":"ui","operation":"amendResult","reason":"the trader pages ' +
          'cannot amend a result"}',
        options: 'application/vnd.parlance.outcome+json',
      },
    ])
  })

  it('turns not-run into a skipped step with the reason and the fix attached', () => {
    const { world, attachments } = makeWorld()
    expect(settleStepError(world, new NotRunError('ui', 'no browser', 'Fix: apt-get install chromium.'))).toBe(
      'skipped',
    )
    expect(attachments).toEqual([
      {
        data: '{"outcome":"not-run","channel":"ui","reason":"no browser","fix":"Fix: apt-get install chromium."}',
        options: 'application/vnd.parlance.outcome+json',
      },
    ])
  })
})
