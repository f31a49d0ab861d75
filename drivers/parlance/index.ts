// The parlance domain's drivers: what its DSL (dsl/parlance) may use.
export { parlanceChannels } from './channels.ts'
export { CliParlanceDriver, cliRunTimeoutMs } from './cli-parlance-driver.ts'
export type { ParlanceDriver, SuiteRunOptions, SystemRecord } from './parlance-driver.ts'
export type { ChannelLimit, LedgerOperation, LedgerStep, ProjectModel, ScenarioModel } from './project-model.ts'
export type { PrintedCell, ScenarioResult, SuiteRun, SystemDeathNotice, SystemStartFailure } from './suite-run.ts'
