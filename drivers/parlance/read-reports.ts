import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parlanceMediaTypes } from '../core/report-media-types.ts'
import type { RunOutcome, ScenarioResult } from './suite-run.ts'

const outcomeOfError: Readonly<Record<string, RunOutcome>> = {
  AssertionFailedError: 'assertion failed',
  ConfigurationError: 'configuration error',
  SystemCompromisedError: 'system compromised',
}

/** The few fields of cucumber's messages this reader needs. */
interface Envelope {
  pickle?: { id: string; name: string }
  testCase?: { id: string; pickleId: string }
  testCaseStarted?: { id: string; testCaseId: string }
  testStepFinished?: { testCaseStartedId: string; testStepResult: { status: string; message?: string; exception?: { type: string; message?: string } } }
  attachment?: { testCaseStartedId?: string; mediaType: string; body: string }
  testCaseFinished?: { testCaseStartedId: string; willBeRetried: boolean }
}

interface Attempt {
  pickleId: string
  steps: NonNullable<Envelope['testStepFinished']>['testStepResult'][]
  notApplicable?: { operation: string; reason: string }
  aliases: Record<string, string>
}

/**
 * Every scenario × channel of a run, from the cucumber messages each channel
 * wrote to `<reportsDir>/<channel>/messages.ndjson`. A channel without the
 * file ran nothing; a retried scenario counts in its last attempt only.
 *
 * @example
 *   readReports('/tmp/parlance-project-x1/reports/run-1', ['api', 'ui'])
 *   // [{ scenario: 'Alice is paid', channel: 'api', outcome: 'assertion failed', message: 'Alice was paid £5.00; expected £6.00', aliases: { Alice: 'alice-…' } }, …]
 */
export function readReports(reportsDir: string, channels: readonly string[]): ScenarioResult[] {
  return channels.flatMap((channel) => {
    const file = join(reportsDir, channel, 'messages.ndjson')
    return existsSync(file) ? readChannelMessages(channel, readFileSync(file, 'utf8')) : []
  })
}

/**
 * The scenarios of one channel's cucumber messages (NDJSON).
 *
 * @example
 *   readChannelMessages('ui', ndjson)
 *   // [{ scenario: 'Alice asks for a refund', channel: 'ui', outcome: 'not applicable', notApplicable: { operation: 'askForRefund', reason: '…' }, aliases: {…} }]
 */
export function readChannelMessages(channel: string, ndjson: string): ScenarioResult[] {
  const names = new Map<string, string>()
  const pickleOfTestCase = new Map<string, string>()
  const attempts = new Map<string, Attempt>()
  const results = new Map<string, ScenarioResult>()
  for (const line of ndjson.split('\n')) {
    if (line.trim() === '') continue
    const { pickle, testCase, testCaseStarted, testStepFinished, attachment, testCaseFinished } = JSON.parse(line) as Envelope
    if (pickle) names.set(pickle.id, pickle.name)
    if (testCase) pickleOfTestCase.set(testCase.id, testCase.pickleId)
    if (testCaseStarted) attempts.set(testCaseStarted.id, { pickleId: pickleOfTestCase.get(testCaseStarted.testCaseId) ?? '', steps: [], aliases: {} })
    if (testStepFinished) attempts.get(testStepFinished.testCaseStartedId)?.steps.push(testStepFinished.testStepResult)
    const attempt = attachment?.testCaseStartedId ? attempts.get(attachment.testCaseStartedId) : undefined
    if (attempt && attachment?.mediaType === parlanceMediaTypes.outcome) attempt.notApplicable = JSON.parse(attachment.body) as Attempt['notApplicable']
    if (attempt && attachment?.mediaType === parlanceMediaTypes.aliases) attempt.aliases = (JSON.parse(attachment.body) as { aliases: Record<string, string> }).aliases
    const finished = testCaseFinished && !testCaseFinished.willBeRetried ? attempts.get(testCaseFinished.testCaseStartedId) : undefined
    if (finished) results.set(finished.pickleId, settle(channel, names.get(finished.pickleId) ?? finished.pickleId, finished))
  }
  return [...results.values()]
}

function settle(channel: string, scenario: string, attempt: Attempt): ScenarioResult {
  const base = { scenario, channel, aliases: attempt.aliases }
  const bad = attempt.steps.find((step) => step.status !== 'PASSED' && step.status !== 'SKIPPED')
  if (bad) {
    const type = bad.exception?.type ?? ''
    const message = bad.exception?.message ?? firstLine(bad.message) ?? `the step is ${bad.status.toLowerCase()}`
    return { ...base, outcome: outcomeOfError[type] ?? 'failed', message }
  }
  if (attempt.notApplicable) {
    const { operation, reason } = attempt.notApplicable
    return { ...base, outcome: 'not applicable', notApplicable: { operation, reason } }
  }
  return { ...base, outcome: attempt.steps.some((step) => step.status === 'SKIPPED') ? 'skipped' : 'passed' }
}

function firstLine(text: string | undefined): string | undefined {
  return text?.split('\n')[0]
}
