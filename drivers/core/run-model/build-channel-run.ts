import type { Envelope, GherkinDocument, Pickle, TestCaseStarted, TestStepResult } from '@cucumber/messages'
import { Query } from '@cucumber/query'
import { ConfigurationError } from '../errors/configuration-error.ts'
import { parlanceMediaTypes, type OutcomeAttachment } from '../report-media-types.ts'
import { describeFailure, describeHook, firstLines } from './describe-step.ts'
import { failureKindOf, type FailureKind } from './failure-kind.ts'
import type { MessageSet } from './read-message-file.ts'
import type { ChannelRun, FeatureOutline, NotRunReason, ScenarioRun, ScenarioStatus } from './scenario-run.ts'

const storyTag = /^@story:(.+)$/

/**
 * Builds one channel's run from its messages with @cucumber/query: every
 * pickle with the status of each attempt, its lineage (feature, rule), its
 * failure and Parlance's not-applicable outcome; and the run-level problems.
 * Messages that contradict each other (a step of an unknown test case) are a
 * ConfigurationError naming the file and the message.
 *
 * @example
 *   const run = buildChannelRun(await readMessageFile('reports/api/messages.ndjson'))
 *   run.scenarios.filter((scenario) => scenario.flaky).map((scenario) => scenario.key) // ['specs/shop.feature:12']
 */
export function buildChannelRun(set: MessageSet): ChannelRun {
  const query = new Query()
  const documents: GherkinDocument[] = []
  const started: TestCaseStarted[] = []
  const planned = new Set<string>()
  const problems: string[] = []
  set.envelopes.forEach((envelope, index) => {
    try {
      query.update(envelope)
    } catch (error) {
      throw new ConfigurationError(`${set.file}: message ${index + 1} (${Object.keys(envelope).join(', ')}) does not fit the ones before it: ${(error as Error).message}`, { cause: error })
    }
    if (envelope.gherkinDocument) documents.push(envelope.gherkinDocument)
    if (envelope.testCaseStarted) started.push(envelope.testCaseStarted)
    if (envelope.testCase) planned.add(envelope.testCase.pickleId)
    if (envelope.parseError) problems.push(`${envelope.parseError.source.uri ?? set.file}: cannot parse it: ${envelope.parseError.message}`)
  })
  const features = documents.flatMap(outlineOf)
  const attemptsByPickle = groupAttempts(query, started)
  // A pickle with no test case was filtered out of this run (another channel's
  // @channel tag, --tags): it is not this channel's to judge. Only when the run
  // planned nothing at all (cut short before planning) are its pickles not-run.
  const pickles = query.findAllPickles().filter((pickle) => planned.size === 0 || planned.has(pickle.id))
  const scenarios = pickles.map((pickle) => scenarioRun(query, set.channel, pickle, features, attemptsByPickle.get(pickle.id) ?? []))
  problems.push(...runProblems(query, set.envelopes))
  const finished = query.findTestRunFinished()
  return { channel: set.channel, file: set.file, scenarios, features, problems, success: finished?.success }
}

function outlineOf(document: GherkinDocument): FeatureOutline[] {
  const feature = document.feature
  if (!feature || !document.uri) return []
  const tags = feature.tags.map((tag) => tag.name)
  const storyId = tags.map((tag) => storyTag.exec(tag)?.[1]).find((id) => id !== undefined)
  const rules = feature.children.flatMap((child) =>
    child.rule ? [{ name: child.rule.name, line: child.rule.location.line, scenarios: child.rule.children.filter((c) => c.scenario).length }] : [],
  )
  return [{ uri: document.uri, name: feature.name, tags, ...(storyId ? { storyId } : {}), rules }]
}

/** Every attempt of each pickle, first to last: Query keeps only the last one of a retried test case. */
function groupAttempts(query: Query, started: TestCaseStarted[]): Map<string, TestCaseStarted[]> {
  const byPickle = new Map<string, TestCaseStarted[]>()
  for (const attempt of [...started].sort((a, b) => a.attempt - b.attempt)) {
    const pickle = query.findPickleBy(attempt)
    if (pickle) byPickle.set(pickle.id, [...(byPickle.get(pickle.id) ?? []), attempt])
  }
  return byPickle
}

function scenarioRun(query: Query, channel: string, pickle: Pickle, features: FeatureOutline[], attempts: TestCaseStarted[]): ScenarioRun {
  const lineage = query.findLineageBy(pickle)
  const line = query.findLocationOf(pickle)?.line ?? pickle.location?.line ?? 0
  const feature = features.find((candidate) => candidate.uri === pickle.uri) ?? { uri: pickle.uri, name: lineage?.feature?.name ?? pickle.uri, tags: [], rules: [] }
  const judged = attempts.filter((attempt) => query.findTestCaseFinishedBy(attempt)).map((attempt) => judgeAttempt(query, attempt))
  const last = judged.at(-1)
  const status: ScenarioStatus = last?.status ?? 'not-run'
  const passedInTheEnd = status === 'passed' || status === 'not-applicable'
  const retriedFailures = passedInTheEnd ? judged.slice(0, -1).flatMap((attempt) => (attempt.failure ? [attempt.failure] : [])) : []
  const duration = attempts.at(-1) ? query.findTestCaseDurationBy(attempts.at(-1)!) : undefined
  return {
    channel,
    key: `${pickle.uri}:${line}`,
    uri: pickle.uri,
    line,
    name: pickle.name,
    tags: pickle.tags.map((tag) => tag.name),
    feature,
    ...(lineage?.rule ? { rule: { name: lineage.rule.name, line: lineage.rule.location.line } } : {}),
    attempts: judged.map((attempt) => attempt.status),
    status,
    flaky: retriedFailures.length > 0,
    ...(last?.failure && !passedInTheEnd ? { failure: last.failure } : {}),
    ...(last?.failureKind && !passedInTheEnd ? { failureKind: last.failureKind } : {}),
    retriedFailures,
    ...(last?.notApplicable ? { notApplicable: last.notApplicable } : {}),
    ...(last?.notRun ? { notRun: last.notRun } : {}),
    durationMs: duration ? duration.seconds * 1000 + Math.round(duration.nanos / 1e6) : 0,
  }
}

function judgeAttempt(
  query: Query,
  attempt: TestCaseStarted,
): { status: ScenarioStatus; failure?: string; failureKind?: FailureKind; notApplicable?: string; notRun?: NotRunReason } {
  const steps = query.findTestStepFinishedAndTestStepBy(attempt)
  if (steps.length === 0) return { status: 'undefined', failure: 'the scenario has no steps: it checks nothing' }
  const worst = query.findMostSevereTestStepResultBy(attempt) as TestStepResult
  const outcome = steps
    .flatMap(([finished]) => query.findAttachmentsBy(finished))
    .find((attachment) => attachment.mediaType === parlanceMediaTypes.outcome)
  if (outcome && (worst.status === 'PASSED' || worst.status === 'SKIPPED')) {
    const read = readOutcome(outcome.body)
    return typeof read === 'string' ? { status: 'not-applicable', notApplicable: read } : { status: 'not-run', notRun: read }
  }
  if (worst.status === 'PASSED' || worst.status === 'SKIPPED') return { status: worst.status === 'PASSED' ? 'passed' : 'skipped' }
  const [, testStep] = steps.find(([finished]) => finished.testStepResult.status === worst.status) ?? []
  const status = worst.status === 'UNKNOWN' ? 'failed' : (worst.status.toLowerCase() as ScenarioStatus)
  const failureKind = failureKindOf(worst)
  return { status, failure: describeFailure(query, testStep, worst), ...(failureKind ? { failureKind } : {}) }
}

/** An outcome attachment's not-applicable reason, or why it did not run; one that is not JSON still marks the scenario, with what it said. */
function readOutcome(body: string): string | NotRunReason {
  try {
    const outcome = JSON.parse(body) as OutcomeAttachment
    if (outcome.outcome === 'not-run') return { reason: outcome.reason, fix: outcome.fix }
    return `${outcome.operation} is not applicable: ${outcome.reason}`
  } catch {
    return `(unreadable outcome attachment: ${body.slice(0, 80)})`
  }
}

function runProblems(query: Query, envelopes: Envelope[]): string[] {
  const problems: string[] = []
  for (const hookFinished of query.findAllTestRunHookFinished()) {
    const { result } = hookFinished
    if (result.status === 'PASSED' || result.status === 'SKIPPED') continue
    const hook = query.findHookBy(hookFinished)
    const what = hook ? describeHook(hook) : 'a BeforeAll/AfterAll hook'
    problems.push(`${what} ${result.status.toLowerCase()}: ${firstLines(result.exception?.message ?? result.message) || 'no message'}`)
  }
  // Older protocols (cucumber-js ≤ 11) report a failed BeforeAll/AfterAll only as a hook step outside any test case.
  for (const envelope of envelopes) {
    const finished = envelope.testStepFinished
    if (!finished || query.findTestCaseStartedBy(finished) || finished.testStepResult.status === 'PASSED') continue
    problems.push(`a BeforeAll/AfterAll hook ${finished.testStepResult.status.toLowerCase()}: ${firstLines(finished.testStepResult.message) || 'no message'}`)
  }
  const finished = query.findTestRunFinished()
  if (!query.findTestRunStarted() && !finished) return problems
  if (!finished) problems.push('the run never finished (no testRunFinished message): it was cut short')
  else if (finished.exception || finished.message) problems.push(`the run failed: ${firstLines(finished.exception?.message ?? finished.message)}`)
  return problems
}
