import type {
  Attachment as CucumberAttachment,
  Duration,
  Envelope,
  GherkinDocument,
  Pickle,
  TestCaseStarted,
  TestStep,
  TestStepFinished,
  TestStepResult,
} from '@cucumber/messages'
import { Query } from '@cucumber/query'
import { ConfigurationError } from '../errors/configuration-error.ts'
import { parlanceMediaTypes, type OutcomeAttachment } from '../report-media-types.ts'
import { describeFailure, describeHook, describeStep, firstLines } from './describe-step.ts'
import { failureKindOf } from './failure-kind.ts'
import type { MessageSet } from './read-message-file.ts'
import type {
  Attachment,
  Attempt,
  ChannelRun,
  FeatureOutline,
  NotRunReason,
  ScenarioRun,
  ScenarioStatus,
  StepRun,
} from './scenario-run.ts'

const storyTag = /^@story:(.+)$/

/**
 * Builds one channel's run from its messages with @cucumber/query — the one
 * reader of cucumber messages: every pickle with each attempt (status,
 * failure and its kind, duration, steps and their attachments), its lineage
 * (feature, rule) and Parlance's outcome attachments; and the run-level problems.
 * Messages that contradict each other (a step of an unknown test case) are a
 * ConfigurationError naming the file and the message.
 *
 * @example
 *   import { readMessageFile } from './read-message-file.ts'
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
      throw new ConfigurationError(
        `${set.file}: message ${index + 1} (${Object.keys(envelope).join(', ')}) does not fit the ones before ` +
          `it: ${(error as Error).message}`,
        { cause: error },
      )
    }
    if (envelope.gherkinDocument) documents.push(envelope.gherkinDocument)
    if (envelope.testCaseStarted) started.push(envelope.testCaseStarted)
    if (envelope.testCase) planned.add(envelope.testCase.pickleId)
    if (envelope.parseError)
      problems.push(`${envelope.parseError.source.uri ?? set.file}: cannot parse it: ${envelope.parseError.message}`)
  })
  const features = documents.flatMap((document) => featureOutline(document) ?? [])
  const attemptsByPickle = groupAttempts(query, started)
  const finished = query.findTestRunFinished()
  // A pickle with no test case was filtered out of this run (another channel's
  // @channel tag, --tags): it is not this channel's to judge. A run that planned
  // nothing and finished well selected nothing here; one that planned nothing and
  // failed or never finished (a BeforeAll hook failed) was cut short: its pickles
  // are not-run.
  const cutShort = planned.size === 0 && finished?.success !== true
  const pickles = query.findAllPickles().filter((pickle) => cutShort || planned.has(pickle.id))
  const scenarios = pickles.map((pickle) =>
    scenarioRun(query, set.channel, pickle, features, attemptsByPickle.get(pickle.id) ?? []),
  )
  problems.push(...runProblems(query, set.envelopes))
  const runStarted = query.findTestRunStarted()
  const durationMs =
    runStarted && finished ? Math.max(0, toMillis(finished.timestamp) - toMillis(runStarted.timestamp)) : undefined
  return { channel: set.channel, file: set.file, scenarios, features, problems, success: finished?.success, durationMs }
}

/**
 * A Gherkin document's Feature as the gate reads it: its uri, name, tags, story and Rules (with how many scenarios
 * each holds); undefined for a document without a Feature or a uri.
 *
 * @example
 *   declare const document: GherkinDocument
 *   featureOutline(document)?.storyId // 'SHOP-1', or undefined for a feature without @story
 */
export function featureOutline(document: GherkinDocument): FeatureOutline | undefined {
  const feature = document.feature
  if (!feature || !document.uri) return undefined
  const tags = feature.tags.map((tag) => tag.name)
  const storyId = tags.map((tag) => storyTag.exec(tag)?.[1]).find((id) => id !== undefined)
  const rules = feature.children.flatMap((child) =>
    child.rule
      ? [
          {
            name: child.rule.name,
            line: child.rule.location.line,
            scenarios: child.rule.children.filter((c) => c.scenario).length,
          },
        ]
      : [],
  )
  return { uri: document.uri, name: feature.name, tags, ...(storyId ? { storyId } : {}), rules }
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

function scenarioRun(
  query: Query,
  channel: string,
  pickle: Pickle,
  features: FeatureOutline[],
  started: TestCaseStarted[],
): ScenarioRun {
  const lineage = query.findLineageBy(pickle)
  const line = query.findLocationOf(pickle)?.line ?? pickle.location?.line ?? 0
  const feature = features.find((candidate) => candidate.uri === pickle.uri) ?? {
    uri: pickle.uri,
    name: lineage?.feature?.name ?? pickle.uri,
    tags: [],
    rules: [],
  }
  const attempts = started
    .filter((attempt) => query.findTestCaseFinishedBy(attempt))
    .map((attempt) => attemptOf(query, attempt))
  const last = attempts.at(-1)
  const status: ScenarioStatus = last?.status ?? 'not-run'
  const passedInTheEnd = status === 'passed' || status === 'not-applicable'
  const retriedFailures = passedInTheEnd
    ? attempts.slice(0, -1).flatMap((attempt) => (attempt.failure ? [attempt.failure] : []))
    : []
  return {
    channel,
    key: `${pickle.uri}:${line}`,
    uri: pickle.uri,
    line,
    name: pickle.name,
    tags: pickle.tags.map((tag) => tag.name),
    feature,
    ...(lineage?.rule ? { rule: { name: lineage.rule.name, line: lineage.rule.location.line } } : {}),
    attempts,
    status,
    flaky: retriedFailures.length > 0,
    ...(last?.failure && !passedInTheEnd ? { failure: last.failure } : {}),
    ...(last?.failureKind && !passedInTheEnd ? { failureKind: last.failureKind } : {}),
    retriedFailures,
    ...(last?.notApplicable ? { notApplicable: last.notApplicable } : {}),
    ...(last?.notRun ? { notRun: last.notRun } : {}),
    durationMs: attempts.reduce((sum, attempt) => sum + attempt.durationMs, 0),
  }
}

function attemptOf(query: Query, attempt: TestCaseStarted): Attempt {
  const finishedSteps = query.findTestStepFinishedAndTestStepBy(attempt)
  const steps = finishedSteps.map(([finished, testStep]) => stepRun(query, finished, testStep))
  const durationMs = millis(query.findTestCaseDurationBy(attempt))
  if (finishedSteps.length === 0)
    return { status: 'undefined', failure: 'the scenario has no steps: it checks nothing', durationMs, steps }
  const worst = query.findMostSevereTestStepResultBy(attempt) as TestStepResult
  const outcome = steps
    .flatMap((step) => step.attachments)
    .find((attachment) => attachment.mediaType === parlanceMediaTypes.outcome)
  if (outcome && (worst.status === 'PASSED' || worst.status === 'SKIPPED')) {
    const read = readOutcome(outcome.body)
    return typeof read === 'string'
      ? { status: 'not-applicable', notApplicable: read, durationMs, steps }
      : { status: 'not-run', notRun: read, durationMs, steps }
  }
  if (worst.status === 'PASSED' || worst.status === 'SKIPPED')
    return { status: worst.status === 'PASSED' ? 'passed' : 'skipped', durationMs, steps }
  const [, testStep] = finishedSteps.find(([finished]) => finished.testStepResult.status === worst.status) ?? []
  const failure = describeFailure(query, testStep, worst)
  if (worst.status === 'UNDEFINED' || worst.status === 'PENDING' || worst.status === 'AMBIGUOUS') {
    return { status: worst.status.toLowerCase() as ScenarioStatus, failure, durationMs, steps }
  }
  return { status: 'failed', failure, failureKind: failureKindOf(worst), durationMs, steps }
}

function stepRun(query: Query, finished: TestStepFinished, testStep: TestStep): StepRun {
  const result = finished.testStepResult
  const error =
    result.status === 'PASSED' || result.status === 'SKIPPED'
      ? ''
      : firstLines(result.exception?.message ?? result.message)
  return {
    text: describeStep(query, testStep),
    status: result.status.toLowerCase() as StepRun['status'],
    durationMs: millis(result.duration),
    ...(error ? { error } : {}),
    attachments: query.findAttachmentsBy(finished).map(attachmentOf),
  }
}

function attachmentOf(attachment: CucumberAttachment): Attachment {
  return {
    mediaType: attachment.mediaType,
    body: attachment.body,
    encoding: attachment.contentEncoding === 'BASE64' ? 'base64' : 'identity',
    ...(attachment.fileName ? { fileName: attachment.fileName } : {}),
  }
}

function toMillis(timestamp: { seconds: number; nanos: number }): number {
  return timestamp.seconds * 1000 + Math.round(timestamp.nanos / 1e6)
}

function millis(duration: Duration | undefined): number {
  return duration ? duration.seconds * 1000 + Math.round(duration.nanos / 1e6) : 0
}

/**
 * An outcome attachment's not-applicable reason, or why it did not run; one that is not JSON still marks the scenario,
 * with what it said.
 */
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
    problems.push(
      `${what} ${result.status.toLowerCase()}: ` +
        `${firstLines(result.exception?.message ?? result.message) || 'no message'}`,
    )
  }
  // Older protocols (cucumber-js ≤ 11) report a failed BeforeAll/AfterAll only as a hook step outside any test case.
  for (const envelope of envelopes) {
    const finished = envelope.testStepFinished
    if (!finished || query.findTestCaseStartedBy(finished) || finished.testStepResult.status === 'PASSED') continue
    problems.push(
      `a BeforeAll/AfterAll hook ${finished.testStepResult.status.toLowerCase()}: ` +
        `${firstLines(finished.testStepResult.message) || 'no message'}`,
    )
  }
  const finished = query.findTestRunFinished()
  if (!query.findTestRunStarted() && !finished) return problems
  if (!finished) problems.push('the run never finished (no testRunFinished message): it was cut short')
  else if (finished.exception || finished.message)
    problems.push(`the run failed: ${firstLines(finished.exception?.message ?? finished.message)}`)
  return problems
}
