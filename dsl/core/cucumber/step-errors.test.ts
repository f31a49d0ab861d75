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

  it('masks the secrets in the message, stack and cause of any error, in the spec names', () => {
    const { world } = makeWorld()
    const alice = world.aliases.alias('Alice')
    const cause = new Error('connect ECONNREFUSED for http://ci:pa55-word@10.0.0.7/?token=tok-0123456')
    const error = new TypeError(`page.goto: ${alice} at http://10.0.0.7/login?password=hunter2&user=${alice}`, {
      cause,
    })
    expect(() => settleStepError(world, error)).toThrow(error)
    expect(error.message).toBe('page.goto: Alice at http://10.0.0.7/login?password=****&user=Alice')
    expect(error.stack?.split('\n')[0]).toBe(
      'TypeError: page.goto: Alice at http://10.0.0.7/login?password=****&user=Alice',
    )
    expect(cause.message).toBe('connect ECONNREFUSED for http://****:****@10.0.0.7/?token=****')
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

describe("the World's driver context", () => {
  it('masks the secrets in what drivers log and attach as text, not in binary attachments', () => {
    const { world, attachments } = makeWorld()
    world.driverContext.log('GET http://10.0.0.7/bets?access_token=tok-0123456 → 200 (3 ms)')
    void world.driverContext.attach('{"url":"http://ci:pa55-word@h/"}', 'application/json', 'exchanges.json')
    void world.driverContext.attach('Authorization: Bearer eyJhbGci', 'text/plain')
    const png = Buffer.from('token=tok-0123456')
    void world.driverContext.attach(png, 'image/png')
    expect(world.loggedLines).toEqual(['GET http://10.0.0.7/bets?access_token=**** → 200 (3 ms)'])
    expect(attachments).toEqual([
      { data: '{"url":"http://****:****@h/"}', options: { mediaType: 'application/json', fileName: 'exchanges.json' } },
      { data: 'Authorization: Bearer ****', options: { mediaType: 'text/plain' } },
      { data: png, options: { mediaType: 'image/png' } },
    ])
  })
})
