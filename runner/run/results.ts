import type { runCucumber } from '@cucumber/cucumber/api'
import { parlanceMediaTypes, type OutcomeAttachment } from '../../drivers/core/report-media-types.ts'
import { unknownChannelTags } from './channel-tags.ts'
import { failureKindOf, type FailureKind } from '../../drivers/core/run-model/index.ts'

/**
 * A cucumber message, as `runCucumber` hands them to its `onMessage` callback.
 *
 * @example
 *   const onMessage = (envelope: Envelope) => collector.read(envelope)
 *   envelope.testCaseFinished?.willBeRetried // false
 */
export type Envelope = Parameters<NonNullable<Parameters<typeof runCucumber>[2]>>[0]
type StepResult = NonNullable<Envelope['testStepFinished']>['testStepResult']

/**
 * How one scenario ended on one channel.
 *
 * @example
 *   const outcome: ScenarioOutcome = { key: 'features/shop.feature:12', feature: 'Checkout', scenario: 'Paying by card',
 *     status: 'failed', detail: 'Then the total is £5.00\nexpected £5.00, got £4.50' }
 */
export interface ScenarioOutcome {
  /** `uri:line`: the same scenario on every channel. */
  key: string
  uri: string
  line: number
  feature: string
  scenario: string
  status: 'passed' | 'failed' | 'not-applicable' | 'skipped' | 'not-run'
  /** For a failure, the step and its (de-aliased) message; for not-applicable, the reason; for not-run, the reason and the fix. */
  detail?: string
  /** Why it could not run here (e.g. `no browser`): the same for every scenario it stopped, so the summary says it once. */
  notRunReason?: string
  /** For a failure whose error says what kind it is: `system-compromised` when the system under test could not be reached. */
  failureKind?: FailureKind
}

/**
 * What one channel's cucumber run produced.
 *
 * @example
 *   result.scenarios.filter((s) => s.status === 'failed').length // 1
 *   result.problems // ['features/shop.feature:3: @channel:apii names no channel — did you mean @channel:api? …']
 */
export interface ChannelResult {
  channel: string
  scenarios: ScenarioOutcome[]
  /** What went wrong outside any scenario: parse errors, run hooks, unknown channel tags. */
  problems: string[]
  /** cucumber's verdict for the channel. */
  success: boolean
  durationMs: number
  /** Set when the channel was not run because systems it needs had died: their names. */
  deadSystems?: string[]
}

interface Attempt {
  testCase: NonNullable<Envelope['testCase']> | undefined
  results: { result: StepResult; testStepId: string }[]
  outcome?: OutcomeAttachment
}

/**
 * Reads a channel's cucumber messages as they arrive and turns them into one
 * outcome per scenario; a retried attempt counts only in its last try.
 *
 * @example
 *   const collector = new ResultCollector('ui', ['api', 'ui'])
 *   await runCucumber(options, environment, (envelope) => collector.read(envelope))
 */
export class ResultCollector {
  private readonly features = new Map<string, string>()
  private readonly keywords = new Map<string, string>()
  private readonly pickles = new Map<string, NonNullable<Envelope['pickle']>>()
  private readonly testCases = new Map<string, NonNullable<Envelope['testCase']>>()
  private readonly attempts = new Map<string, Attempt>()
  private readonly outcomes = new Map<string, ScenarioOutcome>()
  private readonly problems: string[] = []

  constructor(
    readonly channel: string,
    private readonly channels: readonly string[],
  ) {}

  /** Takes one message. */
  read(envelope: Envelope): void {
    const { gherkinDocument, pickle, testCase, testCaseStarted, testStepFinished, attachment, testCaseFinished } = envelope
    if (gherkinDocument?.uri) {
      this.features.set(gherkinDocument.uri, gherkinDocument.feature?.name ?? gherkinDocument.uri)
      for (const step of gherkinSteps(gherkinDocument)) this.keywords.set(step.id, step.keyword)
    }
    if (pickle) {
      this.pickles.set(pickle.id, pickle)
      const where = `${pickle.uri}:${pickle.location?.line ?? '?'}`
      for (const problem of unknownChannelTags(pickle.tags.map((tag) => tag.name), this.channels)) this.problems.push(`${where}: ${problem}`)
    }
    if (testCase) this.testCases.set(testCase.id, testCase)
    if (testCaseStarted) {
      this.attempts.set(testCaseStarted.id, { testCase: this.testCases.get(testCaseStarted.testCaseId), results: [] })
    }
    if (testStepFinished) {
      const { testStepResult: result, testStepId } = testStepFinished
      this.attempts.get(testStepFinished.testCaseStartedId)?.results.push({ result, testStepId })
    }
    if (attachment?.mediaType === parlanceMediaTypes.outcome && attachment.testCaseStartedId) {
      const attempt = this.attempts.get(attachment.testCaseStartedId)
      if (attempt) attempt.outcome = readOutcome(attachment.body)
    }
    if (testCaseFinished && !testCaseFinished.willBeRetried) {
      const attempt = this.attempts.get(testCaseFinished.testCaseStartedId)
      if (attempt) this.settle(attempt)
    }
    if (envelope.parseError) this.problems.push(`${envelope.parseError.source.uri}: ${envelope.parseError.message}`)
    const hookResult = envelope.testRunHookFinished?.result
    if (hookResult && hookResult.status !== 'PASSED') this.problems.push(`a BeforeAll/AfterAll hook ${hookResult.status.toLowerCase()}: ${firstLines(hookResult.message)}`)
    const finished = envelope.testRunFinished
    if (finished?.exception || finished?.message) this.problems.push(`the run failed: ${firstLines(finished.exception?.message ?? finished.message)}`)
  }

  /** The channel's result, once its run has ended; `problem` is why it ended early, if it did. */
  result(success: boolean, durationMs: number, problem?: string): ChannelResult {
    const scenarios = [...this.outcomes.values()]
    const problems = [...new Set([...this.problems, ...(problem ? [problem] : [])])]
    if (!success && problems.length === 0 && !scenarios.some((s) => s.status === 'failed')) {
      problems.push('cucumber reported a failure outside any scenario (a worker that crashed?); see its output above')
    }
    return { channel: this.channel, scenarios, problems, success, durationMs }
  }

  private settle(attempt: Attempt): void {
    const pickle = this.pickles.get(attempt.testCase?.pickleId ?? '')
    if (!pickle) return
    const line = pickle.location?.line ?? 0
    const base = { key: `${pickle.uri}:${line}`, uri: pickle.uri, line, feature: this.features.get(pickle.uri) ?? pickle.uri, scenario: pickle.name }
    const bad = attempt.results.find(({ result }) => !['PASSED', 'SKIPPED'].includes(result.status))
    if (bad) {
      const failureKind = failureKindOf(bad.result)
      this.outcomes.set(base.key, { ...base, status: 'failed', detail: this.describe(pickle, attempt, bad), ...(failureKind ? { failureKind } : {}) })
    } else if (attempt.outcome?.outcome === 'not-run') {
      const { reason, fix } = attempt.outcome
      this.outcomes.set(base.key, { ...base, status: 'not-run', detail: `not run: ${reason}. ${fix}`, notRunReason: reason })
    } else if (attempt.outcome) {
      const { operation, reason } = attempt.outcome
      this.outcomes.set(base.key, { ...base, status: 'not-applicable', detail: `${operation} is not applicable: ${reason}` })
    } else if (attempt.results.some(({ result }) => result.status === 'SKIPPED')) {
      this.outcomes.set(base.key, { ...base, status: 'skipped' })
    } else {
      this.outcomes.set(base.key, { ...base, status: 'passed' })
    }
  }

  private describe(pickle: NonNullable<Envelope['pickle']>, attempt: Attempt, { result, testStepId }: Attempt['results'][number]): string {
    const testStep = attempt.testCase?.testSteps.find((step) => step.id === testStepId)
    const step = pickle.steps.find((candidate) => candidate.id === testStep?.pickleStepId)
    const where = step ? `${this.keywords.get(step.astNodeIds[0] ?? '') ?? ''}${step.text}` : 'in a hook'
    switch (result.status) {
      case 'UNDEFINED':
        return `${where}\nundefined step: write a step definition for it`
      case 'PENDING':
        return `${where}\npending step: it is not implemented yet`
      default:
        return `${where}\n${firstLines(result.message) || result.status.toLowerCase()}`
    }
  }
}

/** An outcome attachment's body; one that is not JSON still marks the scenario, with what it said. */
function readOutcome(body: string): OutcomeAttachment {
  try {
    return JSON.parse(body) as OutcomeAttachment
  } catch {
    return { outcome: 'not-applicable', channel: '', operation: 'a step', reason: `(unreadable outcome attachment: ${body.slice(0, 80)})` }
  }
}

/** Every step of a feature, in backgrounds and scenarios, inside rules or not. */
function gherkinSteps(document: NonNullable<Envelope['gherkinDocument']>): { id: string; keyword: string }[] {
  const children = (document.feature?.children ?? []).flatMap((child) => [child, ...(child.rule?.children ?? [])])
  return children.flatMap((child) => [...(child.background?.steps ?? []), ...(child.scenario?.steps ?? [])])
}

/** The message without its stack trace: what a person reads first. */
function firstLines(message: string | undefined): string {
  return (message ?? '')
    .split('\n')
    .filter((line) => !/^\s+at /.test(line))
    .join('\n')
    .trim()
}
