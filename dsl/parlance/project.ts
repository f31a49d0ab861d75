import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import type { LedgerOperation, LedgerStep, ScenarioModel } from '../../drivers/parlance/index.ts'
import { dslMethod, type InputOf } from '../core/params/dsl-method.ts'
import { boolean, integer, money, oneOf, string } from '../core/params/param-kinds.ts'
import type { ParlanceSession } from './parlance-session.ts'

const channelName = /^[a-z][a-z0-9-]*$/
const maxScenarios = 10

const withChannels = dslMethod('withChannels', { channels: string({ repeated: true }) })

const withScenario = dslMethod('withScenario', {
  name: string(),
  customer: string({ default: 'Alice' }),
  opensAccount: boolean({ default: 'no' }),
  placesBetWith: string({ optional: true }),
  isPaid: money({ optional: true }),
  asksForRefund: boolean({ default: 'no' }),
  expectsPaid: money({ optional: true }),
  onlyOn: string({ optional: true }),
})

const withAccountScenarios = dslMethod('withAccountScenarios', { customer: string(), count: integer() })

const operations = {
  'open an account': 'openAccount',
  'place a bet': 'placeBet',
  'be paid': 'pay',
  'ask for a refund': 'askForRefund',
  'check payments': 'expectPaid',
} as const satisfies Record<string, LedgerOperation>

/**
 * An operation of the project's ledger, in a spec's words, that a channel may be unable to perform.
 *
 * @example
 *   declare const project: Project
 *   const cannot: ChannelOperation = 'ask for a refund'
 *   project.withChannelLimit({ channel: 'ui', cannot, because: 'the betting pages have no refund button' })
 */
export type ChannelOperation = keyof typeof operations

const withChannelLimit = dslMethod('withChannelLimit', {
  channel: string(),
  cannot: oneOf(['open an account', 'place a bet', 'be paid', 'ask for a refund', 'check payments']),
  because: string(),
})

const withSystemFailingToStart = dslMethod('withSystemFailingToStart', { saying: string() })

const withSystemKilledAfter = dslMethod('withSystemKilledAfter', { answers: integer() })

/**
 * Describes the project whose acceptance suite a scenario runs: its channels,
 * the scenarios of its spec (in its own domain, a ledger of customers'
 * accounts), what a channel cannot do, and how its system behaves.
 *
 * @example
 *   declare const project: Project
 *   project.withChannels({ channels: ['api', 'ui'] })
 *   project.withScenario({ name: 'Alice is paid', isPaid: '£5', expectsPaid: '£6' })
 */
export class Project {
  constructor(private readonly session: ParlanceSession) {}

  /**
   * The channels the project's spec runs on (default: api).
   *
   * @example
   *   declare const project: Project
   *   project.withChannels({ channels: ['api', 'ui'] })
   *   project.withChannels({ channels: 'api, ui' })
   */
  withChannels(input: InputOf<typeof withChannels>): void {
    const { channels } = withChannels.parse(input)
    const bad = channels.filter((channel) => !channelName.test(channel))
    if (bad.length > 0)
      throw new ConfigurationError(
        `withChannels: "${bad.join('", "')}" cannot be a channel name — use lower-case letters, digits and ` +
          `"-", e.g. api, ui`,
      )
    const repeated = channels.filter((channel, i) => channels.indexOf(channel) !== i)
    if (repeated.length > 0)
      throw new ConfigurationError(`withChannels: channel "${repeated[0]}" is given twice; name each channel once`)
    this.session.project.channels = channels
  }

  /**
   * Adds a scenario to the project's spec; its steps come in the order of the parameters.
   *
   * @example
   *   declare const project: Project
   *   project.withScenario({ name: 'Alice places a bet', placesBetWith: 'stak: 5' })
   *   project.withScenario({ name: 'Alice asks for a refund', asksForRefund: true, onlyOn: 'api' })
   */
  withScenario(input: InputOf<typeof withScenario>): void {
    const args = withScenario.parse(input)
    const { name, customer } = args
    const steps: LedgerStep[] = [
      ...(args.opensAccount ? [{ action: 'opens an account', customer } as const] : []),
      ...(args.placesBetWith !== undefined
        ? [{ action: 'places a bet', customer, args: args.placesBetWith } as const]
        : []),
      ...(args.isPaid ? [{ action: 'is paid', customer, amount: args.isPaid } as const] : []),
      ...(args.asksForRefund ? [{ action: 'asks for a refund', customer } as const] : []),
      ...(args.expectsPaid ? [{ action: 'has been paid', customer, amount: args.expectsPaid } as const] : []),
    ]
    if (steps.length === 0) {
      throw new ConfigurationError(
        `withScenario: scenario "${name}" has no steps — give at least one of opensAccount, placesBetWith, ` +
          `isPaid, asksForRefund, expectsPaid`,
      )
    }
    if (/\s/.test(customer))
      throw new ConfigurationError(
        `withScenario: customer "${customer}" must be one word, as the project's steps read a name, e.g. Alice`,
      )
    this.addScenario(name, { name, steps, ...(args.onlyOn ? { onlyOn: args.onlyOn } : {}) })
  }

  /**
   * Adds `count` scenarios in which the same customer opens an account:
   * "Alice opens an account #1", "#2"…
   *
   * @example
   *   declare const project: Project
   *   project.withAccountScenarios({ customer: 'Alice', count: 2 })
   *   project.withAccountScenarios({ customer: 'Bob', count: 3 }) // "Bob opens an account #1" to "#3"
   */
  withAccountScenarios(input: InputOf<typeof withAccountScenarios>): void {
    const { customer, count } = withAccountScenarios.parse(input)
    if (count < 1 || count > maxScenarios)
      throw new ConfigurationError(
        `withAccountScenarios: count is ${count}; give 1 to ${maxScenarios} (each scenario costs run time)`,
      )
    for (let i = 1; i <= count; i++)
      this.withScenario({ name: `${customer} opens an account #${i}`, customer, opensAccount: true })
  }

  /**
   * Makes one channel of the project unable to perform an operation, for a reason it reports.
   *
   * @example
   *   declare const project: Project
   *   project.withChannelLimit({
   *     channel: 'ui',
   *     cannot: 'ask for a refund',
   *     because: 'the betting pages have no refund button',
   *   })
   */
  withChannelLimit(input: InputOf<typeof withChannelLimit>): void {
    const { channel, cannot, because } = withChannelLimit.parse(input)
    this.session.project.limits.push({ channel, operation: operations[cannot], reason: because })
  }

  /**
   * Makes the project's system stop before it is ready, writing `saying` as its last log line.
   *
   * @example
   *   declare const project: Project
   *   project.withSystemFailingToStart({ saying: 'the ledger file is corrupt' })
   */
  withSystemFailingToStart(input: InputOf<typeof withSystemFailingToStart>): void {
    this.session.project.startupFailure = withSystemFailingToStart.parse(input).saying
  }

  /**
   * Makes the project's system die, as by kill -9, once it has answered `answers` requests.
   *
   * @example
   *   declare const project: Project
   *   project.withSystemKilledAfter({ answers: 2 }) // the third request of the run is refused
   */
  withSystemKilledAfter(input: InputOf<typeof withSystemKilledAfter>): void {
    const { answers } = withSystemKilledAfter.parse(input)
    if (answers < 1)
      throw new ConfigurationError(
        `withSystemKilledAfter: answers is ${answers}; give 1 or more (the system must start and answer first)`,
      )
    this.session.project.diesAfterAnswers = answers
  }

  /**
   * Starts the project's system outside any run, as a deployment would; it runs until the scenario ends.
   *
   * @example
   *   import type { Suite } from './suite.ts'
   *   declare const project: Project, suite: Suite
   *   await project.deploySystem()
   *   await suite.run({ against: 'the deployed system', times: 2 })
   */
  async deploySystem(): Promise<void> {
    await this.session.driver.deploySystem(this.session.project)
  }

  private addScenario(name: string, scenario: ScenarioModel): void {
    const scenarios = this.session.project.scenarios
    if (scenarios.some((other) => other.name === name))
      throw new ConfigurationError(
        `withScenario: the project already has a scenario "${name}"; give each scenario its own name`,
      )
    if (scenarios.length >= maxScenarios)
      throw new ConfigurationError(
        `withScenario: the project already has ${maxScenarios} scenarios, the most a test may give it (each ` +
          `costs run time)`,
      )
    scenarios.push(scenario)
  }
}
