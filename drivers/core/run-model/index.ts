export { buildChannelRun, featureOutline } from './build-channel-run.ts'
export { cellOf, cellLabels, failedCells, type Cell } from './cell.ts'
export { describeFailure, describeHook, describeStep, firstLines } from './describe-step.ts'
export { failureKindLabels, failureKindOf, type FailureKind } from './failure-kind.ts'
export { findMessageFiles, gateOutputFiles } from './find-message-files.ts'
export { maskEnvelope } from './mask-envelope.ts'
export { channelOf, parseMessages, readMessageFile, type MessageSet } from './read-message-file.ts'
export type {
  Attachment,
  Attempt,
  ChannelRun,
  FeatureOutline,
  NotRunReason,
  ScenarioRun,
  ScenarioStatus,
  StepRun,
} from './scenario-run.ts'
