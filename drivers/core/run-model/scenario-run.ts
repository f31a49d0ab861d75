import type { FailureKind } from './failure-kind.ts'

/**
 * How one scenario ended on one channel — the one status vocabulary of a run.
 * `not-run`: cucumber planned it but never finished it (a BeforeAll hook
 * failed, the run was cut short), or the machine could not run it (no
 * browser: see {@link ScenarioRun.notRun}).
 *
 * @example
 *   const status: ScenarioStatus = 'not-applicable'
 */
export type ScenarioStatus =
  | 'passed'
  | 'failed'
  | 'undefined'
  | 'pending'
  | 'ambiguous'
  | 'skipped'
  | 'not-applicable'
  | 'not-run'

/**
 * Why a scenario was not run here, and how to make it run.
 *
 * @example
 *   const why: NotRunReason = { reason: 'no browser', fix: 'Fix: apt-get install chromium, or set PARLANCE_CHROMIUM.' }
 */
export interface NotRunReason {
  reason: string
  fix: string
}

/**
 * A Feature as the Gherkin document has it: a story when tagged `@story:ID`, its Rules the acceptance criteria.
 *
 * @example
 *   const feature: FeatureOutline = {
 *     uri: 'specs/shop.feature', name: 'Checkout', tags: ['@story:SHOP-1'], storyId: 'SHOP-1',
 *     rules: [{ name: 'Cards are charged once', line: 6, scenarios: 2 }],
 *   }
 */
export interface FeatureOutline {
  uri: string
  name: string
  tags: string[]
  storyId?: string
  /** Each Rule with how many scenarios (outlines count once) the spec has under it. */
  rules: { name: string; line: number; scenarios: number }[]
}

/**
 * Something a step or hook attached to the report: a screenshot, an HTTP
 * exchange, Parlance's alias table. `body` is base64 when `encoding` says so.
 *
 * @example
 *   const shot: Attachment = {
 *     mediaType: 'image/png',
 *     body: 'iVBORw0KGgo…',
 *     encoding: 'base64',
 *     fileName: 'failure.png',
 *   }
 */
export interface Attachment {
  mediaType: string
  body: string
  encoding: 'identity' | 'base64'
  fileName?: string
}

/**
 * One step (or hook) of an attempt: what it said, how it ended, what it attached.
 *
 * @example
 *   const step: StepRun = { text: 'When Alice places a bet', status: 'passed', durationMs: 41, attachments: [] }
 */
export interface StepRun {
  /** `Given a step passes`, or `Before hook (support/hooks.ts:7)`. */
  text: string
  status: 'passed' | 'failed' | 'undefined' | 'pending' | 'ambiguous' | 'skipped' | 'unknown'
  durationMs: number
  /** The first lines of its error, when it did not pass. */
  error?: string
  attachments: Attachment[]
}

/**
 * One attempt at a scenario: a retried scenario has several, first to last.
 *
 * @example
 *   declare const scenario: ScenarioRun
 *   scenario.attempts.map((attempt) => attempt.status) // ['failed', 'passed']: flaky
 */
export interface Attempt {
  status: ScenarioStatus
  /** Why it did not pass: the step and the first lines of its message. */
  failure?: string
  /** What kind of failure that was, from the class of its error; set whenever the status is `failed`. */
  failureKind?: FailureKind
  /** Why the channel cannot express it, from Parlance's outcome attachment. */
  notApplicable?: string
  /** Why this machine could not run it (no browser), from Parlance's outcome attachment. */
  notRun?: NotRunReason
  durationMs: number
  steps: StepRun[]
}

/**
 * One scenario (one pickle: an outline's example row is one) on one channel,
 * with every attempt; its own fields are its last attempt's.
 *
 * @example
 *   declare const run: ScenarioRun
 *   run.key // 'specs/shop.feature:12'
 *   run.attempts.length // 2 — failed, then passed: run.flaky is true
 */
export interface ScenarioRun {
  channel: string
  /** `uri:line`: the same scenario on every channel. */
  key: string
  uri: string
  line: number
  name: string
  /** The pickle's tags: its own, its Rule's, its Feature's and its Examples'. */
  tags: string[]
  feature: FeatureOutline
  rule?: { name: string; line: number }
  /** Every attempt, first to last; empty when it never ran. */
  attempts: Attempt[]
  /** The last attempt's status; `not-run` when there was none. */
  status: ScenarioStatus
  /** Failed on an attempt, then passed on a retry. */
  flaky: boolean
  /** Why the last attempt did not pass: the step and the first lines of its message. */
  failure?: string
  /** The last attempt's failure kind, when it failed. */
  failureKind?: FailureKind
  /** Why each earlier attempt of a flaky scenario failed. */
  retriedFailures: string[]
  /** Why the channel cannot express it, from Parlance's outcome attachment. */
  notApplicable?: string
  /** Why this machine could not run it (no browser, a dead system). */
  notRun?: NotRunReason
  /** Every attempt's time, added up. */
  durationMs: number
}

/**
 * One channel's run: its scenarios, its features, and what went wrong outside any scenario.
 *
 * @example
 *   import { buildChannelRun } from './build-channel-run.ts'
 *   import { readMessageFile } from './read-message-file.ts'
 *   const run = buildChannelRun(await readMessageFile('reports/api/messages.ndjson'))
 *   run.problems // ['BeforeAll hook (support/hooks.ts:3) failed: database unreachable']
 */
export interface ChannelRun {
  channel: string
  /** The domain whose channel this is, when the runner ran it for one (`parlance run` does). */
  domain?: string
  file: string
  scenarios: ScenarioRun[]
  features: FeatureOutline[]
  /** Failed BeforeAll/AfterAll hooks, parse errors, a run that failed or never finished. */
  problems: string[]
  /** `testRunFinished.success`; undefined when the run never finished. */
  success: boolean | undefined
  /** testRunStarted to testRunFinished; undefined when the run never started or never finished. */
  durationMs: number | undefined
}
