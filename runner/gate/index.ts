export { checkGateConfig } from './check-gate-config.ts'
export { gateCommand, gateHelp } from './gate-command.ts'
export { requiredChannels, type GateConfig } from './gate-config.ts'
export { describeReason, rowName, rowStory, title } from './describe-reason.ts'
export {
  judge,
  type Coverage,
  type DomainVerdict,
  type GateCell,
  type GateRow,
  type JudgeOptions,
  type Reason,
  type Verdict,
} from './judge.ts'
export { mergeMessages } from './merge-messages.ts'
export { cellMarks, cellOrder, countLine, legend, renderVerdict } from './render-table.ts'
export { gateExitCodes, runGate, type GateOptions } from './run-gate.ts'
export { dodMarkdown, writeDod } from './write-dod.ts'
export { dodHtml, writeDodHtml } from './write-dod-html.ts'
export { largeAttachmentBytes, writeHtml } from './write-html.ts'
export { junitXml, writeJunit } from './write-junit.ts'
