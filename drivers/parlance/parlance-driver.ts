import type { ProjectModel } from './project-model.ts'
import type { SuiteRun } from './suite-run.ts'

/**
 * How a project's acceptance suite is run.
 *
 * @example
 *   declare const driver: ParlanceDriver, project: ProjectModel
 *   const options: SuiteRunOptions = { workers: 2, againstDeployed: false }
 *   await driver.runSuite(project, options)
 */
export interface SuiteRunOptions {
  /** Worker processes per channel. */
  workers: number
  /** Test the system already deployed with {@link ParlanceDriver.deploySystem}, starting none. */
  againstDeployed: boolean
}

/**
 * What the generated project's system recorded about itself.
 *
 * @example
 *   declare const driver: ParlanceDriver
 *   const record = await driver.systemRecord()
 *   record.customers // ['Alice r7k2-x9q2bz', 'Alice r7k2-m3p8cq']
 */
export interface SystemRecord {
  /** How many times the system was started. */
  starts: number
  /** How many requests it received. */
  requests: number
  /** The customer names it was given, each once, in the order first seen. */
  customers: string[]
}

/**
 * The parlance domain's driver: writes a small project that uses Parlance,
 * runs its acceptance suite and observes what happened. One per scenario.
 *
 * @example
 *   declare const driver: ParlanceDriver, project: ProjectModel
 *   const run = await driver.runSuite(project, { workers: 1, againstDeployed: false })
 */
export interface ParlanceDriver {
  /** Starts the project's system outside any run, as a deployment would, and keeps it until the scenario ends. */
  deploySystem(project: ProjectModel): Promise<void>
  /** Runs the project's acceptance suite once, to the end, and reads what it reported. */
  runSuite(project: ProjectModel, options: SuiteRunOptions): Promise<SuiteRun>
  /** What the project's system recorded so far. */
  systemRecord(): Promise<SystemRecord>
  /** The project's processes still running after its runs (the deployed system aside), described for a person. */
  leftoverProcesses(): Promise<string[]>
}
