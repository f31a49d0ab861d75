import type { Attempt, ChannelRun, FeatureOutline, ScenarioRun } from './scenario-run.ts'

/**
 * Test support: an attempt with `status` and no steps.
 *
 * @example
 *   attemptOf('failed', { failure: 'Then it is paid\nit is not', failureKind: 'assertion-failed' })
 */
export function attemptOf(status: Attempt['status'], more: Partial<Attempt> = {}): Attempt {
  return { status, durationMs: 5, steps: [], ...more }
}

/**
 * Test support: a scenario run of `feature` whose fields follow its attempts;
 * `more` overrides any of them.
 *
 * @example
 *   const feature: FeatureOutline = { uri: 'specs/shop.feature', name: 'Checkout', tags: [], rules: [] }
 *   scenarioOf(feature, 6, { channel: 'ui', attempts: [attemptOf('failed'), attemptOf('passed')] }).flaky // true
 */
export function scenarioOf(feature: FeatureOutline, line: number, more: Partial<ScenarioRun> = {}): ScenarioRun {
  const attempts = more.attempts ?? [attemptOf('passed')]
  const last = attempts.at(-1)
  const passedInTheEnd = last?.status === 'passed' || last?.status === 'not-applicable'
  const retriedFailures = passedInTheEnd
    ? attempts.slice(0, -1).flatMap((attempt) => (attempt.failure ? [attempt.failure] : []))
    : []
  return {
    channel: 'api',
    key: `${feature.uri}:${line}`,
    uri: feature.uri,
    line,
    name: `scenario ${line}`,
    tags: feature.tags,
    feature,
    attempts,
    status: last?.status ?? 'not-run',
    flaky: retriedFailures.length > 0,
    ...(last?.failure && !passedInTheEnd ? { failure: last.failure } : {}),
    ...(last?.failureKind && !passedInTheEnd ? { failureKind: last.failureKind } : {}),
    ...(last?.notApplicable ? { notApplicable: last.notApplicable } : {}),
    ...(last?.notRun ? { notRun: last.notRun } : {}),
    retriedFailures,
    durationMs: attempts.reduce((sum, attempt) => sum + attempt.durationMs, 0),
    ...more,
  }
}

/**
 * Test support: one channel's finished, successful run of `scenarios`.
 *
 * @example
 *   const feature: FeatureOutline = { uri: 'specs/shop.feature', name: 'Checkout', tags: [], rules: [] }
 *   channelRunOf('api', [scenarioOf(feature, 6)], [feature]).success // true
 */
export function channelRunOf(
  channel: string,
  scenarios: ScenarioRun[],
  features: FeatureOutline[],
  more: Partial<ChannelRun> = {},
): ChannelRun {
  return {
    channel,
    file: `reports/${channel}/messages.ndjson`,
    scenarios: scenarios.map((scenario) => ({ ...scenario, channel })),
    features,
    problems: [],
    success: true,
    durationMs: 1200,
    ...more,
  }
}
