// The parlance domain's language: what its step glue (specs/parlance/steps) uses.
export { ParlanceDsl, parlance } from './parlance-dsl.ts'
export type { ChannelOperation } from './project.ts'
export { suiteStepTimeoutMs } from './suite.ts'
export { cellOutcomes, outcomeWords, type CellOutcome } from './result-cells.ts'
