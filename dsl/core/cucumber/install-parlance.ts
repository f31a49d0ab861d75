import {
  After,
  AfterAll,
  Before,
  BeforeStep,
  Status,
  setDefinitionFunctionWrapper,
  setWorldConstructor,
} from '@cucumber/cucumber'
import { NotApplicableError } from '../../../drivers/core/errors/not-applicable-error.ts'
import { closeWorkerResources } from '../../../drivers/core/worker-resources.ts'
import { parlanceMediaTypes } from '../../../drivers/core/report-media-types.ts'
import { defineParlanceParameterTypes } from './parameter-types.ts'
import { ParlanceWorld } from './parlance-world.ts'
import { settleStepError } from './step-errors.ts'

const channelTagPrefix = '@channel:'

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

  setDefinitionFunctionWrapper((code: (...args: unknown[]) => unknown) =>
    async function parlanceStep(this: unknown, ...args: unknown[]): Promise<unknown> {
      try {
        return await code.apply(this, args)
      } catch (error) {
        if (!(this instanceof ParlanceWorld)) throw error
        return settleStepError(this, error)
      }
    },
  )

  // A safety net for plain `npx cucumber-js`: `parlance run` already leaves such scenarios out by tag.
  Before(function (this: ParlanceWorld, { pickle }) {
    const channels = pickle.tags.filter((tag) => tag.name.startsWith(channelTagPrefix)).map((tag) => tag.name.slice(channelTagPrefix.length))
    if (channels.length > 0 && !channels.includes(this.channel)) {
      throw new NotApplicableError(this.channel, 'scenario', `it is tagged for ${channels.map((c) => channelTagPrefix + c).join(', ')} only`)
    }
  })

  BeforeStep(function (this: ParlanceWorld, { pickleStep }) {
    this.currentStep = pickleStep.text
  })

  After(async function (this: ParlanceWorld, { result }) {
    this.attach(JSON.stringify({ runId: this.aliases.runId, aliases: this.aliases.toJSON() }), parlanceMediaTypes.aliases)
    if (this.aliases.size > 0) this.attach(this.aliases.format(), { mediaType: 'text/plain', fileName: 'aliases.txt' })
    if (this.loggedLines.length > 0) this.attach(this.loggedLines.join('\n'), { mediaType: 'text/plain', fileName: 'driver.log' })
    await this.resources.disposeAll({
      failed: result?.status === Status.FAILED,
      attach: (data, mediaType, fileName) => this.driverContext.attach(data, mediaType, fileName),
    })
  })

  AfterAll(async function () {
    await closeWorkerResources()
  })
}
