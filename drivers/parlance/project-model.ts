import type { Money } from '../core/values/money.ts'

/**
 * What the generated project's system can be asked to do, by the name its
 * step glue's DSL method has: the operations a channel may be unable to perform.
 *
 * @example
 *   const refund: LedgerOperation = 'askForRefund'
 *   const limit: ChannelLimit = { channel: 'ui', operation: refund, reason: 'the betting pages have no refund button' }
 */
export type LedgerOperation = 'openAccount' | 'placeBet' | 'pay' | 'askForRefund' | 'expectPaid'

/**
 * One step of a generated scenario, in the generated project's own domain: a
 * ledger of customers' accounts. `customer` is the name as the generated spec
 * writes it (`Alice`); the generated project aliases it, not this one.
 *
 * @example
 *   const steps: LedgerStep[] = [{ action: 'is paid', customer: 'Alice', amount: Money.pounds(5) },
 *     { action: 'has been paid', customer: 'Alice', amount: Money.pounds(6) }]
 */
export type LedgerStep =
  | { action: 'opens an account'; customer: string }
  | { action: 'places a bet'; customer: string; args: string }
  | { action: 'is paid'; customer: string; amount: Money }
  | { action: 'asks for a refund'; customer: string }
  | { action: 'has been paid'; customer: string; amount: Money }

/**
 * One scenario of the generated project's spec.
 *
 * @example
 *   const scenario: ScenarioModel = { name: 'Alice opens an account', onlyOn: 'api',
 *     steps: [{ action: 'opens an account', customer: 'Alice' }] }
 */
export interface ScenarioModel {
  name: string
  /** The one channel the scenario is tagged for; undefined: every channel. */
  onlyOn?: string
  steps: LedgerStep[]
}

/**
 * An operation one channel of the generated project cannot perform, and why.
 *
 * @example
 *   const limit: ChannelLimit = {
 *     channel: 'ui',
 *     operation: 'askForRefund',
 *     reason: 'the betting pages have no refund button',
 *   }
 *   // on ui, "When Alice asks for a refund" is reported not applicable, with that reason
 */
export interface ChannelLimit {
  channel: string
  operation: LedgerOperation
  reason: string
}

/**
 * A small project that uses Parlance as any project would: a spec, its step
 * glue, a tiny long-lived system (the ledger) and its config.
 *
 * @example
 *   import type { ParlanceDriver } from './parlance-driver.ts'
 *   declare const driver: ParlanceDriver, scenario: ScenarioModel
 *   const project: ProjectModel = { channels: ['api', 'ui'], scenarios: [scenario], limits: [] }
 *   await driver.runSuite(project, { workers: 2, againstDeployed: false })
 */
export interface ProjectModel {
  channels: string[]
  scenarios: ScenarioModel[]
  limits: ChannelLimit[]
  /** What the system says as it stops before it is ready; undefined: it starts normally. */
  startupFailure?: string
  /** After how many answers the system is killed (SIGKILL); undefined: it lives until the run stops it. */
  diesAfterAnswers?: number
}
