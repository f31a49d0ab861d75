import type { Cell } from '../core/run-model/index.ts'

/**
 * One scenario on one channel, read from that channel's cucumber messages.
 *
 * @example
 *   const result: ScenarioResult = { scenario: 'Alice is paid', channel: 'api', outcome: 'assertion-failed',
 *     message: 'Alice was paid £5.00; expected £6.00', aliases: { Alice: 'alice-r7k2-x9q2bz' } }
 */
export interface ScenarioResult {
  scenario: string
  channel: string
  /** How it ended: the run model's cell, a failure by its kind. */
  outcome: Cell
  /** For a failure: the error's message, as the report holds it. */
  message?: string
  /** For not applicable: the operation and why the channel cannot perform it. */
  notApplicable?: { operation: string; reason: string }
  /** The scenario's alias table: spec name → the name the system was given. */
  aliases: Record<string, string>
}

/**
 * One cell of the printed scenario × channel table, as a person reads it.
 *
 * @example
 *   declare const run: SuiteRun
 *   const cell: PrintedCell = { scenario: 'Alice asks for a refund', channel: 'ui', text: 'n/a' }
 *   run.printed.filter((c) => c.text === 'FAILED') // the failed cells, as printed
 */
export interface PrintedCell {
  scenario: string
  channel: string
  /** `passed`, `FAILED`, `COMPROMISED` (system compromised), `n/a`, `skipped` or `—` (not run). */
  text: string
}

/**
 * A system the run could not start, with the last lines it wrote.
 *
 * @example
 *   const failure: SystemStartFailure = {
 *     system: 'ledger',
 *     lastLines: ['ledger: opening the ledger', 'ledger: the ledger file is corrupt'],
 *   }
 *   declare const run: SuiteRun
 *   run.systemStartFailure?.lastLines.at(-1) // 'ledger: the ledger file is corrupt'
 */
export interface SystemStartFailure {
  system: string
  lastLines: string[]
}

/**
 * A system that died during the run, as the run said it at the moment it
 * happened: `✗ ledger (pid 4242) was killed by SIGKILL at 17:02:03 during the api channel`.
 *
 * @example
 *   const death: SystemDeathNotice = { system: 'ledger', pid: 4242, how: 'was killed by SIGKILL', channel: 'api' }
 *   declare const run: SuiteRun
 *   run.systemDeaths.filter((d) => d.system === 'ledger').length // 1: said once
 */
export interface SystemDeathNotice {
  system: string
  pid: number
  /** `was killed by SIGKILL`, `exited with code 3`. */
  how: string
  /** The channel it died during; undefined when it died between channels. */
  channel?: string
}

/**
 * What one run of a project's acceptance suite reported: per scenario ×
 * channel from the reports, the printed table and verdict, and how it exited.
 *
 * @example
 *   import type { ParlanceDriver, ProjectModel } from './index.ts'
 *   declare const driver: ParlanceDriver, project: ProjectModel
 *   const run = await driver.runSuite(project, { workers: 2, againstDeployed: false })
 *   run.results.filter((r) => r.outcome !== 'passed') // []
 */
export interface SuiteRun {
  /** 1 for the scenario's first run, 2 for its second… */
  number: number
  /** The channels the run was asked to run: the project's. */
  channels: string[]
  /** The channels that did run and wrote their reports. */
  ranOn: string[]
  exitCode: number | null
  /** The printed verdict; undefined when the run printed none (it stopped before running the specs). */
  verdict: 'passed' | 'failed' | undefined
  results: ScenarioResult[]
  printed: PrintedCell[]
  systemStartFailure: SystemStartFailure | undefined
  /** Each notice of a system dying during the run, as often as the run printed it. */
  systemDeaths: SystemDeathNotice[]
  /** Everything the run printed, for messages. */
  output: string
}
