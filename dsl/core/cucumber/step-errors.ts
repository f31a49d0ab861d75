import { NotApplicableError } from '../../../drivers/core/errors/not-applicable-error.ts'
import { NotRunError } from '../../../drivers/core/errors/not-run-error.ts'
import { ParlanceError } from '../../../drivers/core/errors/parlance-error.ts'
import { maskSecrets } from '../../../drivers/core/mask-secrets.ts'
import { parlanceMediaTypes, type OutcomeAttachment } from '../../../drivers/core/report-media-types.ts'
import { dealiasError } from '../aliases/index.ts'
import type { ParlanceWorld } from './parlance-world.ts'

/**
 * What a step that threw becomes: the message and stack de-aliased into the
 * spec's names and their secrets masked (whoever made the error: a driver,
 * Playwright, Node), Parlance errors given the step, channel and alias table, and a
 * not-applicable or not-run error turned into a skipped step with its reason attached.
 *
 * @example
 *   declare const world: ParlanceWorld, step: () => Promise<void>
 *   const outcome = await step().catch((error: unknown) => settleStepError(world, error)) // 'skipped', or it throws
 */
export function settleStepError(world: ParlanceWorld, error: unknown): 'skipped' {
  if (error instanceof ParlanceError) {
    error.withContext({
      ...(world.channel ? { channel: world.channel } : {}),
      aliases: world.aliases.toJSON(),
      ...(world.currentStep ? { step: world.currentStep } : {}),
    })
  }
  if (error instanceof NotApplicableError) {
    const body: OutcomeAttachment = {
      outcome: 'not-applicable',
      channel: error.channel,
      operation: error.operation,
      reason: maskSecrets(world.aliases.dealias(error.reason)),
    }
    world.attach(JSON.stringify(body), parlanceMediaTypes.outcome)
    return 'skipped'
  }
  if (error instanceof NotRunError) {
    const body: OutcomeAttachment = {
      outcome: 'not-run',
      channel: error.channel,
      reason: maskSecrets(error.reason),
      fix: maskSecrets(error.fix),
    }
    world.attach(JSON.stringify(body), parlanceMediaTypes.outcome)
    return 'skipped'
  }
  throw dealiasError(error, (text) => maskSecrets(world.aliases.dealias(text)))
}
