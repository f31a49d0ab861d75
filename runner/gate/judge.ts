import {
  cellOf,
  failedCells,
  type Cell,
  type ChannelRun,
  type FeatureOutline,
  type ScenarioRun,
} from '../../drivers/core/run-model/index.ts'
import type { SystemDeath } from '../systems/system-death.ts'
import type { SummarySection } from '../config/domain-sections.ts'
import { requiredChannels, type GateConfig } from './gate-config.ts'
import type { SpecFeature } from './spec-outline.ts'
import type { Coverage, DomainVerdict, GateCell, GateRow, Reason, Verdict } from './verdict.ts'

export type { Coverage, DomainVerdict, GateCell, GateRow, Reason, ScenarioCause, Verdict } from './verdict.ts'
// A genuine failure outranks one the system's state explains.
const severity: Record<GateCell, number> = {
  none: -1,
  passed: 0,
  'not-applicable': 1,
  flaky: 2,
  'not-run': 3,
  skipped: 4,
  unfinished: 5,
  'system-compromised': 6,
  'timed-out': 7,
  'configuration-error': 8,
  error: 9,
  'assertion-failed': 10,
}

/**
 * What the gate judges besides the runs.
 *
 * @example
 *   const options: JudgeOptions = { allowFlaky: false, config: { required: { '@smoke': ['api', 'ui'] } } }
 */
export interface JudgeOptions {
  allowFlaky?: boolean
  config?: GateConfig
  /**
   * The systems that died during the run (from `parlance run`): each is the first reason, as it explains the scenarios
   * that could not reach it.
   */
  deaths?: readonly SystemDeath[]
  /** The domains, to group stories by and show each with its own channels; a story is its feature file's domain's. */
  domains?: readonly SummarySection[]
  /**
   * The feature files as the spec has them (from the runs' messages, or read from disk): their scenarios that no run
   * has are listed as not in this run, and their features count for the story-less hint.
   */
  specs?: readonly SpecFeature[]
}

/**
 * Decides: every Rule of every story in the results has a scenario; every
 * scenario passed on every channel required for it; nothing undefined, pending,
 * ambiguous, skipped without a reason or (unless allowed) flaky; every run
 * finished well; no system of the run died. Judging only: the renderers word it.
 *
 * @example
 *   declare const apiRun: ChannelRun, uiRun: ChannelRun, deaths: SystemDeath[]
 *   judge([apiRun, uiRun], { allowFlaky: false, config: { required: { '@smoke': ['api', 'ui'] } } }).green // true
 *   judge([uiRun], { deaths }).reasons[0]?.kind // 'system-died'
 */
export function judge(runs: ChannelRun[], options: JudgeOptions): Verdict {
  const channels = [...new Set(runs.map((run) => run.channel))]
  const scenarios = runs.flatMap((run) => run.scenarios)
  const byKey = groupBy(scenarios, (scenario) => scenario.key)
  const judged = judgeScenarios(byKey, channels, options)
  const reasons: Reason[] = [
    ...(options.deaths ?? []).map((death): Reason => ({ kind: 'system-died', death })),
    ...judged.notRun,
    ...runs.flatMap(runReasons),
    ...judged.reasons,
  ]
  const features = featuresOf(runs, scenarios, options.specs ?? [])
  const rows = tableRows(features, options.specs ?? [], byKey, judged.cells, channels)
  reasons.push(...rows.untested)
  const storyless = features.length > 0 && features.every((feature) => feature.storyId === undefined)
  return {
    green: reasons.length === 0,
    channels,
    domains: groupByDomain(rows.criteria, rows.loose, channels, options.domains),
    ...(storyless
      ? {
          storyless: {
            features: features.length,
            withRules: features.filter((feature) => feature.rules.length > 0).length,
          },
        }
      : {}),
    reasons,
    allowedFlaky: judged.allowedFlaky,
    counts: judged.counts,
    scenarios,
  }
}

function runReasons(run: ChannelRun): Reason[] {
  const problems = run.problems.map(
    (problem): Reason => ({ kind: 'run-problem', channel: run.channel, file: run.file, problem }),
  )
  const explained =
    run.problems.length > 0 || run.scenarios.some((scenario) => !['passed', 'not-applicable'].includes(scenario.status))
  return run.success === false && !explained
    ? [...problems, { kind: 'run-failed', channel: run.channel, file: run.file }]
    : problems
}

interface JudgedScenarios {
  cells: Map<string, Record<string, GateCell>>
  reasons: Reason[]
  notRun: Reason[]
  allowedFlaky: ScenarioRun[]
  counts: Partial<Record<Cell, number>>
}

// Each scenario on each channel it ran on or is required on.
function judgeScenarios(byKey: Map<string, ScenarioRun[]>, channels: string[], options: JudgeOptions): JudgedScenarios {
  const failing = failedCells({ allowFlaky: options.allowFlaky === true })
  const judged: JudgedScenarios = { cells: new Map(), reasons: [], notRun: [], allowedFlaky: [], counts: {} }
  // Scenarios the machine could not run (no browser) are one reason per channel and cause, not one per scenario.
  const notRun = new Map<string, Extract<Reason, { kind: 'not-run' }>>()
  for (const [key, runsOfScenario] of byKey) {
    const first = runsOfScenario[0]!
    const ranOn = runsOfScenario.map((scenario) => scenario.channel)
    const required = requiredChannels(first.tags, ranOn, options.config)
    const cells: Record<string, GateCell> = Object.fromEntries(channels.map((channel) => [channel, 'none' as GateCell]))
    for (const channel of new Set([...required.channels, ...ranOn])) {
      const scenario = runsOfScenario.find((candidate) => candidate.channel === channel)
      const cell = cellOf(scenario)
      cells[channel] = cell
      judged.counts[cell] = (judged.counts[cell] ?? 0) + 1
      const isRequired = required.channels.includes(channel)
      if (!scenario) {
        judged.reasons.push({ kind: 'required-but-absent', scenario: first, channel })
      } else if (cell === 'not-run' && scenario.notRun) {
        if (!isRequired) continue
        const group = `${channel}\n${scenario.notRun.reason}`
        const counted = notRun.get(group) ?? { kind: 'not-run', channel, ...scenario.notRun, scenarios: 0 }
        notRun.set(group, { ...counted, scenarios: counted.scenarios + 1 })
      } else if (cell === 'flaky' && !failing.has(cell)) {
        judged.allowedFlaky.push(scenario)
      } else if (failing.has(cell) && (isRequired || cell !== 'not-run')) {
        judged.reasons.push({ kind: 'scenario', scenario, channel, cause: 'failed' })
      } else if (cell === 'not-applicable' && isRequired && required.explicit) {
        judged.reasons.push({ kind: 'scenario', scenario, channel, cause: 'not-applicable-but-required' })
      }
    }
    judged.cells.set(key, cells)
  }
  judged.notRun = [...notRun.values()]
  return judged
}

function tableRows(
  features: FeatureOutline[],
  specs: readonly SpecFeature[],
  byKey: Map<string, ScenarioRun[]>,
  cellsOf: Map<string, Record<string, GateCell>>,
  channels: string[],
): { criteria: GateRow[]; loose: GateRow[]; untested: Reason[] } {
  const criteria: GateRow[] = []
  const loose: GateRow[] = []
  const untested: Reason[] = []
  for (const feature of features) {
    const ofFeature = [...byKey.values()].filter((group) => group[0]!.uri === feature.uri)
    const base = { feature: feature.name, uri: feature.uri }
    if (feature.storyId !== undefined) {
      for (const rule of feature.rules) {
        const tests = ofFeature.filter((group) => group[0]!.rule?.line === rule.line)
        // A criterion without a scenario is red only in a feature this run selected something of.
        if (rule.scenarios === 0 && ofFeature.length > 0)
          untested.push({
            kind: 'untested-criterion',
            story: feature.storyId,
            criterion: rule.name,
            uri: feature.uri,
            line: rule.line,
          })
        // A criterion whose scenarios were all filtered out of the run (--tags, @channel) is shown, not judged.
        const coverage: Coverage =
          rule.scenarios === 0 ? 'no-scenario' : tests.length === 0 ? 'not-in-this-run' : 'tested'
        const cells = worstCells(
          channels,
          tests.map((group) => cellsOf.get(group[0]!.key)!),
        )
        const keys = tests.map((group) => group[0]!.key)
        criteria.push({
          story: feature.storyId,
          ...base,
          line: rule.line,
          criterion: rule.name,
          coverage,
          cells,
          scenarios: keys,
        })
      }
    }
    const story = feature.storyId !== undefined ? { story: feature.storyId } : {}
    const ofFeatureLoose: GateRow[] = []
    for (const group of ofFeature.filter(
      (candidate) => candidate[0]!.rule === undefined || feature.storyId === undefined,
    )) {
      const first = group[0]!
      ofFeatureLoose.push({
        ...story,
        ...base,
        line: first.line,
        ...(first.rule ? { criterion: first.rule.name } : {}),
        scenario: first.name,
        coverage: 'tested',
        cells: cellsOf.get(first.key)!,
        scenarios: [first.key],
      })
    }
    // The spec's loose scenarios that no run has (--tags, @channel, a subset of the files): shown, not judged.
    const spec = specs.find((candidate) => candidate.uri === feature.uri)
    const notInThisRun = (spec?.scenarios ?? []).filter(
      (scenario) => !byKey.has(scenario.key) && (scenario.rule === undefined || feature.storyId === undefined),
    )
    // A feature the run has nothing of is one row, as a story's untouched criteria are one row each: a run of a few
    // tags in a suite of hundreds of features must not print thousands of lines.
    if (ofFeature.length === 0 && notInThisRun.length > 1) {
      loose.push({
        ...story,
        ...base,
        line: notInThisRun[0]!.line,
        scenario: `${notInThisRun.length} scenarios`,
        coverage: 'not-in-this-run',
        cells: Object.fromEntries(channels.map((channel) => [channel, 'not-run' as GateCell])),
        scenarios: notInThisRun.map((scenario) => scenario.key),
      })
      continue
    }
    for (const scenario of notInThisRun) {
      ofFeatureLoose.push({
        ...story,
        ...base,
        line: scenario.line,
        ...(scenario.rule ? { criterion: scenario.rule.name } : {}),
        scenario: scenario.name,
        coverage: 'not-in-this-run',
        cells: Object.fromEntries(channels.map((channel) => [channel, 'not-run' as GateCell])),
        scenarios: [scenario.key],
      })
    }
    if (notInThisRun.length > 0) ofFeatureLoose.sort((a, b) => a.line - b.line)
    loose.push(...ofFeatureLoose)
  }
  return { criteria, loose, untested }
}

function groupByDomain(
  criteria: GateRow[],
  loose: GateRow[],
  channels: string[],
  domains: readonly SummarySection[] | undefined,
): DomainVerdict[] {
  if (!domains || domains.length === 0) return [{ channels, criteria, loose }]
  const placed = new Set<GateRow>()
  const take = (rows: GateRow[], owns: (uri: string) => boolean): GateRow[] =>
    rows.filter((row) => !placed.has(row) && owns(row.uri)).map((row) => (placed.add(row), row))
  const groups: DomainVerdict[] = domains.map((domain) => ({
    name: domain.title,
    channels: channels.filter((channel) => domain.channels.includes(channel)),
    criteria: take(criteria, domain.owns),
    loose: take(loose, domain.owns),
  }))
  const rest = {
    name: 'other features',
    channels,
    criteria: take(criteria, () => true),
    loose: take(loose, () => true),
  }
  return [...groups, rest].filter((group) => group.criteria.length + group.loose.length > 0)
}

function worstCells(channels: string[], rows: Record<string, GateCell>[]): Record<string, GateCell> {
  return Object.fromEntries(
    channels.map((channel) => {
      const cells = rows.map((row) => row[channel] ?? 'none')
      if (rows.length === 0) return [channel, 'not-run' as GateCell]
      return [
        channel,
        cells.reduce((worst, cell) => (severity[cell] > severity[worst] ? cell : worst), 'none' as GateCell),
      ]
    }),
  )
}

// The features with a scenario in the run, the stories the run's features hold though the selection left all their
// scenarios out (their criteria are shown as not in this run), and every feature of the specs; stories by id, then the
// others by uri.
function featuresOf(runs: ChannelRun[], scenarios: ScenarioRun[], specs: readonly SpecFeature[]): FeatureOutline[] {
  const uris = new Set([...scenarios, ...specs].map((each) => each.uri))
  const byUri = new Map<string, FeatureOutline>()
  const candidates = [
    ...runs.flatMap((run) => run.features),
    ...scenarios.map((scenario) => scenario.feature),
    ...specs,
  ]
  for (const feature of candidates) {
    if ((uris.has(feature.uri) || feature.storyId !== undefined) && !byUri.has(feature.uri))
      byUri.set(feature.uri, feature)
  }
  return [...byUri.values()].sort((a, b) => {
    if ((a.storyId === undefined) !== (b.storyId === undefined)) return a.storyId === undefined ? 1 : -1
    return (a.storyId ?? a.uri).localeCompare(b.storyId ?? b.uri, 'en', { numeric: true }) || a.uri.localeCompare(b.uri)
  })
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item])
  return groups
}
