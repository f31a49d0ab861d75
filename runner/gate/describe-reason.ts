import { cellLabels, cellOf, type ScenarioRun } from '../../drivers/core/run-model/index.ts'
import { describeDeath } from '../systems/system-death.ts'
import type { GateRow, Reason } from './judge.ts'

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
 */
export function rowName(row: GateRow): string {
  if (row.scenario !== undefined) return row.criterion ? `${row.criterion} › ${row.scenario}` : row.scenario
  const marks: Record<GateRow['coverage'], string> = {
    tested: '',
    'not-in-this-run': ' (not in this run)',
    'no-scenario': ' (no scenario)',
  }
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
