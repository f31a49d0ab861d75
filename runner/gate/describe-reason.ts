import { cellLabels, cellOf, type ScenarioRun } from '../../drivers/core/run-model/index.ts'
import { describeDeath } from '../systems/system-death.ts'
import type { GateRow, Reason, Verdict } from './judge.ts'

/**
 * Where the docs say how a Feature becomes a story with acceptance criteria: what the story-less hint links to.
 *
 * @example
 *   storiesDocs // 'docs/definition-of-done.md#from-features-to-stories'
 */
export const storiesDocs = 'docs/definition-of-done.md#from-features-to-stories'

/**
 * The line that tells a team whose features are not stories yet what to add; undefined when any feature is a story.
 *
 * @example
 *   declare const verdict: Verdict
 *   storylessHint({ ...verdict, storyless: { features: 2, withRules: 0 } })
 *   // 'Hint: no feature in these results has @story:ID or a Rule:, so the gate judged scenarios, not stories. …'
 */
export function storylessHint(verdict: Verdict): string | undefined {
  if (!verdict.storyless) return undefined
  const lacking =
    verdict.storyless.withRules === 0
      ? 'has @story:ID or a Rule:, so the gate judged scenarios, not stories'
      : 'has @story:ID, so the gate judged scenarios, not stories, and checked no Rule: as a criterion'
  return (
    `Hint: no feature in these results ${lacking}. Tag each Feature with @story:ID and put each acceptance ` +
    `criterion in a Rule: with its scenarios under it; see ${storiesDocs}`
  )
}

/**
 * A reason for red as a person reads it: a first line naming what and where,
 * then the failure's lines. `dealias` turns real names back into the spec's.
 *
 * @example
 *   describeReason({
 *     kind: 'untested-criterion',
 *     story: 'ORD-1',
 *     criterion: 'Refunds',
 *     uri: 'specs/orders.feature',
 *     line: 15,
 *   })
 *   // 'ORD-1 › "Refunds" (specs/orders.feature:15): no scenario tests this acceptance criterion'
 */
export function describeReason(reason: Reason, dealias: (text: string) => string = (text) => text): string {
  switch (reason.kind) {
    case 'system-died':
      return describeDeath(reason.death)
    case 'not-run': {
      const count = `${reason.scenarios} scenario${reason.scenarios === 1 ? '' : 's'}`
      return `${reason.channel}: ${count} not run: ${reason.reason}${reason.fix ? `. ${reason.fix}` : ''}`
    }
    case 'run-problem':
      return `run on ${reason.channel} (${reason.file}): ${dealias(reason.problem)}`
    case 'run-failed':
      return (
        `run on ${reason.channel} (${reason.file}): cucumber reported the run as failed (success: false) though ` +
        `every scenario passed; see its output`
      )
    case 'required-but-absent':
      return (
        `${title(reason.scenario)} on ${reason.channel}: did not run, but the gate config requires it on this ` +
        `channel`
      )
    case 'untested-criterion':
      return (
        `${reason.story} › "${reason.criterion}" (${reason.uri}:${reason.line}): no scenario tests this ` +
        `acceptance criterion`
      )
    case 'scenario':
      return `${title(reason.scenario)} on ${reason.channel}: ${dealias(scenarioCause(reason.scenario, reason.cause))}`
  }
}

/**
 * How a scenario is named in a reason: story, criterion, scenario and where it is.
 *
 * @example
 *   declare const scenario: ScenarioRun
 *   title(scenario) // 'SET-4 › "Dead heats" › "Two horses dead-heat" (specs/settlement/dead-heats.feature:9)'
 */
export function title(scenario: ScenarioRun): string {
  const story = scenario.feature.storyId ?? `(no story) "${scenario.feature.name}"`
  return `${story} › ${scenario.rule ? `"${scenario.rule.name}" › ` : ''}"${scenario.name}" (${scenario.key})`
}

/**
 * A gate row's name as the table shows it: the criterion, marked when it was
 * not in this run or has no scenario; for a loose scenario, its Rule and name.
 *
 * @example
 *   declare const row: GateRow
 *   rowName({ ...row, criterion: 'Refunds', coverage: 'no-scenario' }) // 'Refunds (no scenario)'
 *   rowName({ ...row, scenario: 'Shouting', coverage: 'not-in-this-run' }) // 'Shouting (not in this run)'
 */
export function rowName(row: GateRow): string {
  const marks: Record<GateRow['coverage'], string> = {
    tested: '',
    'not-in-this-run': ' (not in this run)',
    'no-scenario': ' (no scenario)',
  }
  if (row.scenario !== undefined)
    return `${row.criterion ? `${row.criterion} › ${row.scenario}` : row.scenario}${marks[row.coverage]}`
  return `${row.criterion ?? ''}${marks[row.coverage]}`
}

/**
 * A gate row's story as the table shows it; a feature without `@story` by its name.
 *
 * @example
 *   declare const row: GateRow
 *   rowStory({ ...row, story: undefined, feature: 'Checkout' }) // '(no story) Checkout'
 */
export function rowStory(row: GateRow): string {
  return row.story ?? `(no story) ${row.feature}`
}

function scenarioCause(scenario: ScenarioRun, cause: Extract<Reason, { kind: 'scenario' }>['cause']): string {
  if (cause === 'not-applicable-but-required')
    return `not applicable, but the gate config requires it on this channel: ${scenario.notApplicable ?? ''}`
  const attempts =
    scenario.attempts.length > 1 ? ` (attempt ${scenario.attempts.length} of ${scenario.attempts.length})` : ''
  const cell = cellOf(scenario)
  switch (cell) {
    case 'skipped':
      return 'skipped without a not-applicable reason'
    case 'not-run':
      return 'did not run: cucumber planned it but never finished it'
    case 'flaky':
      return (
        `flaky: failed, then passed on attempt ${scenario.attempts.length} (--allow-flaky lets it ` +
        `through)\n${scenario.retriedFailures.at(-1) ?? ''}`
      ).trim()
    case 'unfinished':
      return `${scenario.status}${attempts}\n${scenario.failure ?? ''}`.trim()
    default:
      return `${cellLabels[cell]}${attempts}\n${scenario.failure ?? ''}`.trim()
  }
}
