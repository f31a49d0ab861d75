import { outcomeLabels } from '../../drivers/core/errors/outcome.ts'
import type { ChannelRun, FeatureOutline, ScenarioRun, ScenarioStatus } from '../../drivers/core/run-model/index.ts'
import { describeDeath, type SystemDeath } from '../systems/system-death.ts'
import { requiredChannels, type GateConfig } from './gate-config.ts'

/**
 * What one table cell says: a scenario's (or a criterion's worst scenario's) result on one channel;
 * `compromised` failed because the system under test could not be reached; `flaky` passed only on a
 * retry; `not-run` required there but never ran; `none` not required there.
 *
 * @example
 *   const mark: CellStatus = 'flaky'
 */
export type CellStatus = Exclude<ScenarioStatus, 'undefined' | 'pending' | 'ambiguous'> | 'compromised' | 'unfinished' | 'flaky' | 'none'

/**
 * One row of the gate's table: a criterion of a story, or a scenario outside any Rule.
 *
 * @example
 *   const row: GateRow = { story: 'SET-4', criterion: 'Dead heats divide the stake', cells: { api: 'passed', ui: 'failed' } }
 */
export interface GateRow {
  story: string
  criterion: string
  cells: Record<string, CellStatus>
}

/**
 * The gate's decision with everything that explains it.
 *
 * @example
 *   const verdict = judge(runs, { allowFlaky: false })
 *   verdict.green // false
 *   verdict.reasons[0] // 'SET-4 › "Dead heats" › "Two horses dead-heat" (specs/settlement/dead-heats.feature:9) on ui: failed …'
 */
export interface Verdict {
  green: boolean
  channels: string[]
  /** Criteria of stories, sorted by story id. */
  criteria: GateRow[]
  /** Scenarios outside Rules and scenarios of features without @story. */
  loose: GateRow[]
  reasons: string[]
  /** Flaky scenarios let through by `allowFlaky`. */
  allowedFlaky: string[]
  /** Every scenario on every channel it ran on: the reports list them. */
  scenarios: ScenarioRun[]
}

// A genuine failure outranks one the system's state explains.
const severity: Record<CellStatus, number> = { none: -1, passed: 0, 'not-applicable': 1, flaky: 2, 'not-run': 3, skipped: 4, unfinished: 5, compromised: 6, failed: 7 }

/**
 * Decides: every Rule of every story in the results has a scenario; every
 * scenario passed on every channel required for it; nothing undefined, pending,
 * ambiguous, skipped without a reason or (unless allowed) flaky; every run
 * finished well; no system of the run died (`deaths`, from `parlance run`:
 * each is the first reason, as it explains the scenarios that could not reach it).
 *
 * @example
 *   judge([apiRun, uiRun], { allowFlaky: false, config: { required: { '@smoke': ['api', 'ui'] } } }).green // true
 *   judge([uiRun], { deaths: watch.deaths() }).reasons[0] // 'settlement (pid 4242) was killed by SIGKILL at 17:02:03 during the ui channel: 52 scenarios could not reach it'
 */
export function judge(
  runs: ChannelRun[],
  options: { allowFlaky?: boolean; config?: GateConfig; dealias?: (text: string) => string; deaths?: readonly SystemDeath[] },
): Verdict {
  const dealias = options.dealias ?? ((text: string) => text)
  const channels = [...new Set(runs.map((run) => run.channel))]
  const scenarios = runs.flatMap((run) => run.scenarios)
  const byKey = groupBy(scenarios, (scenario) => scenario.key)
  const reasons: string[] = []
  const allowedFlaky: string[] = []
  for (const run of runs) {
    for (const problem of run.problems) reasons.push(`run on ${run.channel} (${run.file}): ${dealias(problem)}`)
    const explained = run.problems.length > 0 || run.scenarios.some((scenario) => !['passed', 'not-applicable'].includes(scenario.status))
    if (run.success === false && !explained) reasons.push(`run on ${run.channel} (${run.file}): cucumber reported the run as failed (success: false) though every scenario passed; see its output`)
  }
  const cellsOf = new Map<string, Record<string, CellStatus>>()
  // Scenarios the machine could not run (no browser) are one reason per channel and cause, not one per scenario.
  const notRun = new Map<string, { channel: string; reason: string; fix: string; scenarios: number }>()
  for (const [key, runsOfScenario] of byKey) {
    const first = runsOfScenario[0]!
    const ranOn = runsOfScenario.map((scenario) => scenario.channel)
    const required = requiredChannels(first.tags, ranOn, options.config)
    const cells: Record<string, CellStatus> = Object.fromEntries(channels.map((channel) => [channel, 'none' as CellStatus]))
    for (const channel of new Set([...required.channels, ...ranOn])) {
      const scenario = runsOfScenario.find((candidate) => candidate.channel === channel)
      const cell = cellStatus(scenario)
      cells[channel] = cell
      const isRequired = required.channels.includes(channel)
      if (cell === 'not-run' && scenario?.notRun && isRequired) {
        const group = `${channel}\n${scenario.notRun.reason}`
        const counted = notRun.get(group) ?? { channel, ...scenario.notRun, scenarios: 0 }
        notRun.set(group, { ...counted, scenarios: counted.scenarios + 1 })
        continue
      }
      const reason = reasonFor(scenario, cell, isRequired, required.explicit, options.allowFlaky === true)
      const where = `${title(first)} on ${channel}`
      if (reason) reasons.push(`${where}: ${dealias(reason)}`)
      else if (cell === 'flaky') allowedFlaky.push(`${where}: passed on attempt ${scenario!.attempts.length}`)
    }
    cellsOf.set(key, cells)
  }
  reasons.unshift(...[...notRun.values()].map(({ channel, reason, fix, scenarios: count }) => `${channel}: ${count} scenario${count === 1 ? '' : 's'} not run: ${reason}. ${fix}`))
  reasons.unshift(...(options.deaths ?? []).map(describeDeath))
  const features = featuresOf(runs, scenarios)
  const criteria: GateRow[] = []
  const loose: GateRow[] = []
  for (const feature of features) {
    const ofFeature = [...byKey.values()].filter((group) => group[0]!.uri === feature.uri)
    if (feature.storyId !== undefined) {
      for (const rule of feature.rules) {
        const tests = ofFeature.filter((group) => group[0]!.rule?.line === rule.line)
        if (rule.scenarios === 0) reasons.push(`${feature.storyId} › "${rule.name}" (${feature.uri}:${rule.line}): no scenario tests this acceptance criterion`)
        // A criterion whose scenarios were all filtered out of the run (--tags, @channel) is shown, not judged.
        const criterion = rule.scenarios === 0 ? `${rule.name} (no scenario)` : tests.length === 0 ? `${rule.name} (not in this run)` : rule.name
        criteria.push({ story: feature.storyId, criterion, cells: worstCells(channels, tests.map((group) => cellsOf.get(group[0]!.key)!)) })
      }
    }
    for (const group of ofFeature.filter((candidate) => candidate[0]!.rule === undefined || feature.storyId === undefined)) {
      const first = group[0]!
      const story = feature.storyId ?? `(no story) ${feature.name}`
      loose.push({ story, criterion: first.rule ? `${first.rule.name} › ${first.name}` : first.name, cells: cellsOf.get(first.key)! })
    }
  }
  return { green: reasons.length === 0, channels, criteria, loose, reasons, allowedFlaky, scenarios }
}

/**
 * How a scenario is named in a reason: story, criterion, scenario and where it is.
 *
 * @example
 *   title(scenario) // 'SET-4 › "Dead heats" › "Two horses dead-heat" (specs/settlement/dead-heats.feature:9)'
 */
export function title(scenario: ScenarioRun): string {
  const story = scenario.feature.storyId ?? `(no story) "${scenario.feature.name}"`
  return `${story} › ${scenario.rule ? `"${scenario.rule.name}" › ` : ''}"${scenario.name}" (${scenario.key})`
}

function cellStatus(scenario: ScenarioRun | undefined): CellStatus {
  if (!scenario) return 'not-run'
  if (scenario.flaky) return 'flaky'
  if (scenario.status === 'failed' && scenario.failureKind === 'system-compromised') return 'compromised'
  if (scenario.status === 'undefined' || scenario.status === 'pending' || scenario.status === 'ambiguous') return 'unfinished'
  return scenario.status
}

function reasonFor(scenario: ScenarioRun | undefined, cell: CellStatus, required: boolean, explicit: boolean, allowFlaky: boolean): string | undefined {
  if (!scenario) return 'did not run, but the gate config requires it on this channel'
  const attempts = scenario.attempts.length > 1 ? ` (attempt ${scenario.attempts.length} of ${scenario.attempts.length})` : ''
  switch (cell) {
    case 'failed':
    case 'unfinished':
      return `${scenario.status}${attempts}\n${scenario.failure ?? ''}`.trim()
    case 'compromised':
      return `${outcomeLabels['system-compromised']}${attempts}\n${scenario.failure ?? ''}`.trim()
    case 'skipped':
      return 'skipped without a not-applicable reason'
    case 'not-run':
      return required ? 'did not run: cucumber planned it but never finished it' : undefined
    case 'flaky':
      return allowFlaky ? undefined : `flaky: failed, then passed on attempt ${scenario.attempts.length} (--allow-flaky lets it through)\n${scenario.retriedFailures.at(-1) ?? ''}`.trim()
    case 'not-applicable':
      return required && explicit ? `not applicable, but the gate config requires it on this channel: ${scenario.notApplicable ?? ''}` : undefined
    default:
      return undefined
  }
}

function worstCells(channels: string[], rows: Record<string, CellStatus>[]): Record<string, CellStatus> {
  return Object.fromEntries(
    channels.map((channel) => {
      const cells = rows.map((row) => row[channel] ?? 'none')
      if (rows.length === 0) return [channel, 'not-run' as CellStatus]
      return [channel, cells.reduce((worst, cell) => (severity[cell] > severity[worst] ? cell : worst), 'none' as CellStatus)]
    }),
  )
}

/** The features with a scenario in the results: stories by id, then the others by uri. */
function featuresOf(runs: ChannelRun[], scenarios: ScenarioRun[]): FeatureOutline[] {
  const uris = new Set(scenarios.map((scenario) => scenario.uri))
  const byUri = new Map<string, FeatureOutline>()
  for (const feature of [...runs.flatMap((run) => run.features), ...scenarios.map((scenario) => scenario.feature)]) {
    if (uris.has(feature.uri) && !byUri.has(feature.uri)) byUri.set(feature.uri, feature)
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
