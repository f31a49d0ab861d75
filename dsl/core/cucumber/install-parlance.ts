import {
  After,
  AfterAll,
  Before,
  Status,
  setDefaultTimeout,
  setDefinitionFunctionWrapper,
  setWorldConstructor,
} from '@cucumber/cucumber'
import { NotApplicableError } from '../../../drivers/core/errors/not-applicable-error.ts'
import { maskSecrets } from '../../../drivers/core/mask-secrets.ts'
import { closeWorkerResources } from '../../../drivers/core/worker-resources.ts'
import { parlanceMediaTypes } from '../../../drivers/core/report-media-types.ts'
import { dealiasError } from '../aliases/index.ts'
import { defineParlanceParameterTypes } from './parameter-types.ts'
import { ParlanceWorld, unchosenChannel } from './parlance-world.ts'
import { runnerEnvName } from './runner-env.ts'
import { settleStepError } from './step-errors.ts'
import { stepTimedOut } from './step-timed-out.ts'

const channelTagPrefix = '@channel:'

/**
 * Cucumber's definition-function wrapper: a step's error becomes its outcome
 * (see settleStepError), a run hook's error has its secrets masked, and a step or hook of a scenario that returns a
 * promise runs against the channel's step timeout, less the time it spends
 * setting up (see StepTimer). A step that returns no promise stays
 * synchronous, so cucumber keeps running it in one call. It also tells the
 * World which step is running, for the context of an error: no BeforeStep and
 * AfterStep hooks, which would cost two more hook runs (and their messages) per step.
 *
 * @example
 *   setDefinitionFunctionWrapper(wrapStep)
 */
export function wrapStep(code: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  return function parlanceStep(this: unknown, ...args: unknown[]): unknown {
    const world = this instanceof ParlanceWorld ? this : undefined
    if (world) world.noteStepOrHook(args[0])
    try {
      const result = code.apply(this, args)
      if (!isPromiseLike(result)) return result
      if (!world) return Promise.resolve(result).catch(settleRunHookError)
      return world.stepTimer
        .run(Promise.resolve(result), world.stepTimeoutMs, (timing) => stepTimedOut(world, timing))
        .catch((error: unknown) => settleStepError(world, error))
    } catch (error) {
      return world ? settleStepError(world, error) : settleRunHookError(error)
    }
  }
}

// A BeforeAll or AfterAll hook has no World: its error has no spec names, but may have secrets.
function settleRunHookError(error: unknown): never {
  throw dealiasError(error, (text) => maskSecrets(text))
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function'
}

/**
 * Registers Parlance with cucumber-js: the World, the step wrapper that turns
 * errors into outcomes, channel narrowing, the alias table and log in every
 * report, and cleanup of driver sessions. Call it once, from a support file.
 * It takes cucumber's one definition-function wrapper.
 *
 * @example
 *   // specs/support/parlance.ts
 *   installParlance()
 */
export function installParlance(World: typeof ParlanceWorld = ParlanceWorld): void {
  setWorldConstructor(World)
  defineParlanceParameterTypes()
  // The channel's step timeout (StepTimer, in wrapStep) replaces cucumber's 5 s default; a step's own { timeout } still
  // applies.
  setDefaultTimeout(-1)

  setDefinitionFunctionWrapper(wrapStep)

  // One Before hook, each hook run costing a test step and its messages: the scenario's steps, so that wrapStep can
  // name the one running (cheaper than a BeforeStep hook per step), and, for plain `npx cucumber-js`, the channel
  // its tags choose (`parlance run` already leaves out the scenarios of other channels by tag).
  const narrowChannels = !process.env[runnerEnvName]
  Before(function (this: ParlanceWorld, { pickle }) {
    this.beginScenario(pickle.steps)
    if (narrowChannels) chooseTaggedChannel(this, pickle.tags)
  })

  // Not async: cucumber runs a hook that returns no promise in one call, and most scenarios have nothing to dispose of.
  After(function (this: ParlanceWorld, { result }) {
    const failed = result?.status === Status.FAILED
    this.attach(
      JSON.stringify({ runId: this.aliases.runId, aliases: this.aliases.toJSON() }),
      parlanceMediaTypes.aliases,
    )
    if (failed && this.aliases.size > 0)
      this.attach(this.aliases.format(), { mediaType: 'text/plain', fileName: 'aliases.txt' })
    if (failed && this.loggedLines.length > 0)
      this.attach(this.loggedLines.join('\n'), { mediaType: 'text/plain', fileName: 'driver.log' })
    if (this.resources.size === 0) return undefined
    return this.resources.disposeAll({
      failed,
      attach: (data, mediaType, fileName) => this.driverContext.attach(data, mediaType, fileName),
    })
  })

  AfterAll(async function () {
    await closeWorkerResources()
  })
}

function chooseTaggedChannel(world: ParlanceWorld, tags: readonly { readonly name: string }[]): void {
  const channels = tags
    .filter((tag) => tag.name.startsWith(channelTagPrefix))
    .map((tag) => tag.name.slice(channelTagPrefix.length))
  if (channels.length === 0) return
  if (world.channel === unchosenChannel) {
    world.channel = channels[0]!
  } else if (!channels.includes(world.channel)) {
    throw new NotApplicableError(
      world.channel,
      'scenario',
      `it is tagged for ${channels.map((c) => channelTagPrefix + c).join(', ')} only`,
    )
  }
}
