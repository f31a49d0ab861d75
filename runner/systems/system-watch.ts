import chalk from 'chalk'
import { isProcessAlive, waitUntil } from '../../drivers/core/process-group.ts'
import { channelNotRun } from '../run/channel-not-run.ts'
import { runChannel, type ChannelRunOptions } from '../run/channel-run.ts'
import type { ParlanceConfig } from '../config/config.ts'
import type { ChannelPlan } from '../run/plan.ts'
import { cellOf, type ChannelRun } from '../../drivers/core/run-model/index.ts'
import { describeChannelNotRun, describeDeath, whyChannelNotRun, type SystemDeath } from './system-death.ts'
import { withPrerequisites } from './system-order.ts'
import type { RunningSystems } from './systems.ts'

/**
 * Runs the channels while watching the systems the run started: when one
 * dies, says so at once (which, pid, signal or code, when, during which
 * channel), counts the scenarios of that channel that could not reach it, and
 * does not run a later channel that needs it (they cannot pass), saying so in
 * one line and listing its scenarios as not run.
 *
 * @example
 *   declare const systems: RunningSystems, config: ParlanceConfig, plan: ChannelPlan[], options: ChannelRunOptions
 *   const watch = new SystemWatch(systems, config, console.log)
 *   for (const channel of plan) await watch.runChannel(channel, options)
 *   watch.deaths()
 *   // → [{ exit: { name: 'settlement', pid: 4242, … }, during: 'settlement/ui', unreachable: 52, channelsNotRun: [] }]
 */
export class SystemWatch {
  private readonly recorded: SystemDeath[] = []
  private running: string | undefined
  private ran: string | undefined

  constructor(
    private readonly systems: RunningSystems,
    private readonly config: Pick<ParlanceConfig, 'domains' | 'systems'>,
    private readonly out: (line: string) => void,
  ) {
    systems.onUnexpectedExit((exit) => {
      const death: SystemDeath = {
        exit,
        ...(this.running ? { during: this.running } : this.ran ? { after: this.ran } : {}),
        unreachable: 0,
        channelsNotRun: [],
      }
      this.recorded.push(death)
      // Its own line, even in the middle of cucumber's progress dots.
      this.out(`\n${chalk.red.bold('✗')} ${chalk.red(describeDeath(death))}`)
    })
  }

  /**
   * Runs one channel, or, when a system it needs (or one that system starts after) is dead, only lists its scenarios as
   * not run.
   */
  async runChannel(plan: ChannelPlan, options: ChannelRunOptions): Promise<ChannelRun> {
    const needed = withPrerequisites(this.config.domains[plan.domain]?.systems ?? [], this.config.systems ?? {})
    const dead = this.recorded.filter((death) => needed.includes(death.exit.name))
    if (dead.length > 0) {
      for (const death of dead) death.channelsNotRun.push(plan.id)
      this.out(chalk.red(`${plan.id}: ${describeChannelNotRun(dead)}`))
      return channelNotRun(plan, options, whyChannelNotRun(dead))
    }
    this.running = plan.id
    try {
      const result = await runChannel(plan, options)
      await this.hearOfTheGone()
      const unreachable = result.scenarios.filter((scenario) => cellOf(scenario) === 'system-compromised').length
      for (const death of this.recorded) if (death.during === plan.id) death.unreachable = unreachable
      return result
    } finally {
      this.running = undefined
      this.ran = plan.id
    }
  }

  // The supervisor hears of an exit a moment after it happens: a system already gone when its channel ends died during
  // it.
  private async hearOfTheGone(): Promise<void> {
    const gone = this.systems.pids.filter((pid) => !isProcessAlive(pid))
    await waitUntil(() => gone.every((pid) => this.recorded.some((death) => death.exit.pid === pid)), 2_000)
  }

  /** The channels not run because a system they need had died. */
  channelsNotRun(): string[] {
    return this.recorded.flatMap((death) => death.channelsNotRun)
  }

  /** The systems that died so far, in the order they died. */
  deaths(): SystemDeath[] {
    return this.recorded.map((death) => ({ ...death, channelsNotRun: [...death.channelsNotRun] }))
  }
}
