import { afterEach, describe, expect, it, vi } from 'vitest'
import { ConfigurationError } from '../../../drivers/core/errors/configuration-error.ts'
import { NotApplicableError } from '../../../drivers/core/errors/not-applicable-error.ts'
import { StepTimedOutError } from '../../../drivers/core/errors/step-timed-out-error.ts'
import { wrapStep } from './install-parlance.ts'
import { ParlanceWorld } from './parlance-world.ts'

const world = () => new ParlanceWorld({ attach: (() => {}) as never, log: () => {}, link: () => {}, parameters: {} })

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

  it('masks the secrets in the error of a BeforeAll or AfterAll hook, which has no World', async () => {
    const sync = wrapStep(() => {
      throw new Error('cannot seed http://ci:pa55-word@10.0.0.7/?token=t0k')
    })
    expect(() => sync.call(undefined)).toThrow(/^cannot seed http:\/\/\*{4}:\*{4}@10\.0\.0\.7\/\?token=\*{4}$/)
    const async = wrapStep(async () => {
      throw new Error('no answer from /seed?api_key=k-123')
    })
    await expect(async.call(undefined)).rejects.toThrow(/^no answer from \/seed\?api_key=\*{4}$/)
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

describe('wrapStep and the channel step timeout', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllEnvs()
  })

  const hanging = (): Promise<never> => new Promise<never>(() => {})

  it('fails a step that overruns: the step, the channel, how long, the limit and what to change', async () => {
    vi.useFakeTimers()
    vi.stubEnv('PARLANCE_RUNNER', '1')
    vi.stubEnv('PARLANCE_CHANNEL', 'ui')
    vi.stubEnv('PARLANCE_STEP_TIMEOUT_MS', '45000')
    const w = world()
    w.currentStep = 'Alice places her bet'
    const step = wrapStep(async function (this: ParlanceWorld) {
      await this.driverContext.setUp('opening the browser', () => new Promise((resolve) => setTimeout(resolve, 7_500)))
      return hanging()
    })
    const outcome = (step.call(w) as Promise<unknown>).catch((error: unknown) => error)
    await vi.advanceTimersByTimeAsync(52_500)
    const error = await outcome
    expect(error).toBeInstanceOf(StepTimedOutError)
    expect((error as StepTimedOutError).message).toBe(
      'Step "Alice places her bet" on the ui channel did not finish within its step timeout of 45 s: it ran 45 s ' +
        '(and 7.5 s opening the browser, which is not counted). If the system is only slow on this machine, ' +
        'raise channels.ui.stepTimeout in parlance.config.ts; if the step waits for something that never happens, ' +
        "the scenario's driver log shows the last thing it did.",
    )
    expect((error as StepTimedOutError).context).toEqual({ channel: 'ui', aliases: {}, step: 'Alice places her bet' })
  })

  it('under plain cucumber-js, names the variable to set, and blames a hook when no step is running', async () => {
    vi.useFakeTimers()
    vi.stubEnv('PARLANCE_RUNNER', '')
    vi.stubEnv('PARLANCE_CHANNEL', 'api')
    vi.stubEnv('PARLANCE_STEP_TIMEOUT_MS', '')
    const hook = wrapStep(hanging)
    const outcome = (hook.call(world()) as Promise<unknown>).catch((error: unknown) => (error as Error).message)
    await vi.advanceTimersByTimeAsync(30_000)
    expect(await outcome).toBe(
      'A hook of the scenario on the api channel did not finish within its step timeout of 30 s: it ran 30 s. ' +
        'If the system is only slow on this machine, set PARLANCE_STEP_TIMEOUT_MS (milliseconds); ' +
        "if the step waits for something that never happens, the scenario's driver log shows the last thing it did.",
    )
  })

  it('refuses a step timeout that is not whole milliseconds', () => {
    vi.stubEnv('PARLANCE_RUNNER', '1')
    vi.stubEnv('PARLANCE_STEP_TIMEOUT_MS', '30s')
    expect(world).toThrow(
      new ConfigurationError(
        'PARLANCE_STEP_TIMEOUT_MS is "30s"; expected whole milliseconds ≥ 1, e.g. 30000 (parlance run set it ' +
          'from channels.NAME.stepTimeout)',
      ),
    )
  })
})

describe('wrapStep names the step that is running, without a hook per step', () => {
  const hookParameter = (pickleStep?: { text: string }) => ({
    gherkinDocument: {},
    pickle: {},
    testCaseStartedId: 'tcs-1',
    ...(pickleStep ? { pickleStep, testStepId: 'ts-1' } : {}),
  })

  it("gives each step's error the scenario's step in order, a step hook its step, and a scenario hook none", () => {
    const w = world()
    w.beginScenario([{ text: 'Alice opens an account' }, { text: 'Alice deposits £5' }])
    const seen: (string | undefined)[] = []
    const note = wrapStep(function (this: ParlanceWorld) {
      seen.push(this.currentStep)
    })
    note.call(w, hookParameter()) // Before
    note.call(w, 'Alice') // step 1
    note.call(w, hookParameter({ text: 'Alice opens an account' })) // AfterStep
    note.call(w, 'Alice', '£5') // step 2
    note.call(w, hookParameter()) // After
    expect(seen).toEqual([
      undefined,
      'Alice opens an account',
      'Alice opens an account',
      'Alice deposits £5',
      undefined,
    ])
  })

  it('puts the step into the context of a Parlance error thrown by it', () => {
    const w = world()
    w.beginScenario([{ text: 'Alice opens an account' }])
    const step = wrapStep(() => {
      throw new ConfigurationError('open: name is required')
    })
    let thrown: unknown
    try {
      step.call(w)
    } catch (error) {
      thrown = error
    }
    expect((thrown as ConfigurationError).context).toEqual({ aliases: {}, step: 'Alice opens an account' })
  })
})
