import { describeExit } from '../../drivers/core/process-messages.ts'
import type { UnexpectedExit } from '../../drivers/core/process-supervisor.ts'

/**
 * A system the run started that exited while the run went on: which, how and
 * when (`exit`), during which channel, and what it cost the run.
 *
 * @example
 *   const death: SystemDeath = {
 *     exit: { name: 'settlement', pid: 4242, code: null, signal: 'SIGKILL', at: new Date() },
 *     during: 'ui',
 *     unreachable: 52,
 *     channelsNotRun: ['stream'],
 *   }
 */
export interface SystemDeath {
  exit: UnexpectedExit
  /** The channel that was running when it exited. */
  during?: string
  /** When it exited between channels: the channel that ran last before. */
  after?: string
  /** How many scenarios of the channel it died during failed as system compromised. */
  unreachable: number
  /** The later channels not run because they need it. */
  channelsNotRun: string[]
}

/**
 * A death as the run reports it, in one line; what it cost is said once known.
 *
 * @example
 *   declare const death: SystemDeath
 *   describeDeath(death)
 *   // 'settlement (pid 4242) was killed by SIGKILL at 17:02:03 during the ui channel: ' +
 *   //   '52 scenarios could not reach it; the stream channel, which needs it, was not run'
 */
export function describeDeath(death: SystemDeath): string {
  const { name, pid, at } = death.exit
  const costs = [
    ...(death.unreachable > 0
      ? [`${death.unreachable} scenario${death.unreachable === 1 ? '' : 's'} could not reach it`]
      : []),
    ...(death.channelsNotRun.length > 0
      ? [
          `the ${listOf(death.channelsNotRun)} ` +
            `channel${death.channelsNotRun.length === 1 ? ', which needs it, was' : 's, which need it, were'} ` +
            `not run`,
        ]
      : []),
  ]
  return (
    `${name} (pid ${pid}) ${describeExit(death.exit)} at ${clockTime(at)} ` +
    `${whenOf(death)}${costs.length > 0 ? `: ${costs.join('; ')}` : ''}`
  )
}

/**
 * Why a channel is not run: the systems it needs that died, and how.
 *
 * @example
 *   declare const death: SystemDeath
 *   describeChannelNotRun([death]) // 'not run: it needs settlement, which was killed by SIGKILL during the ui channel'
 */
export function describeChannelNotRun(deaths: readonly SystemDeath[]): string {
  return `not run: ${whyChannelNotRun(deaths)}`
}

/**
 * Why a channel that needs dead systems is not run, as a scenario's not-run reason.
 *
 * @example
 *   declare const death: SystemDeath
 *   whyChannelNotRun([death]) // 'it needs settlement, which was killed by SIGKILL during the ui channel'
 */
export function whyChannelNotRun(deaths: readonly SystemDeath[]): string {
  const each = deaths.map((death) => `${death.exit.name}, which ${describeExit(death.exit)} ${whenOf(death)}`)
  return `it needs ${each.join(', and ')}`
}

function whenOf(death: SystemDeath): string {
  return death.during
    ? `during the ${death.during} channel`
    : death.after
      ? `after the ${death.after} channel`
      : 'before the first channel'
}

/** The local time of day, to the second: what a person compares with the system's own log. */
function clockTime(at: Date): string {
  return at.toTimeString().slice(0, 8)
}

function listOf(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`
}
