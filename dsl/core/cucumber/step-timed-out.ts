import { StepTimedOutError } from '../../../drivers/core/errors/step-timed-out-error.ts'
import type { ParlanceWorld } from './parlance-world.ts'
import { runnerEnvName, stepTimeoutEnvName } from './runner-env.ts'
import type { StepTiming } from './step-timer.ts'

/**
 * The error of a step (or a scenario hook) that ran out of its channel's step
 * timeout: which step, on which channel, how long it ran, the limit, and what
 * to change.
 *
 * @example
 *   declare const world: ParlanceWorld, step: Promise<void>
 *   await world.stepTimer.run(step, world.stepTimeoutMs, (timing) => stepTimedOut(world, timing))
 *   // StepTimedOutError: Step "Alice places her bet" on the ui channel did not finish
 *   //   within its step timeout of 60 s: …
 */
export function stepTimedOut(world: ParlanceWorld, timing: StepTiming): StepTimedOutError {
  const what = world.currentStep === undefined ? 'A hook of the scenario' : `Step "${world.currentStep}"`
  const channel = world.channel ? ` on the ${world.channel} channel` : ''
  const setUp =
    timing.setUpMs > 0 ? ` (and ${seconds(timing.setUpMs)} ${timing.setUp ?? 'setting up'}, which is not counted)` : ''
  const raise = process.env[runnerEnvName]
    ? `raise channels.${world.channel || 'NAME'}.stepTimeout in parlance.config.ts`
    : `set ${stepTimeoutEnvName} (milliseconds)`
  return new StepTimedOutError(
    `${what}${channel} did not finish within its step timeout of ${seconds(timing.limitMs)}: it ran ` +
      `${seconds(timing.stepMs)}${setUp}. ` +
      `If the system is only slow on this machine, ${raise}; if the step waits for something that never happens, ` +
      `the scenario's driver log shows the last thing it did.`,
  )
}

function seconds(ms: number): string {
  const value = ms / 1000
  return `${Number.isInteger(value) ? value : value.toFixed(1)} s`
}
