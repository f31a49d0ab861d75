import chalk from 'chalk'
import {
  cellLabels,
  cellOf,
  failedCells,
  type Cell,
  type ChannelRun,
  type ScenarioRun,
} from '../../drivers/core/run-model/index.ts'
import type { SummarySection } from '../config/domain-sections.ts'
import { describeDeath, type SystemDeath } from '../systems/system-death.ts'

/** How the summary's table shows each cell; failures by their kind. */
const cells: Record<Cell, { text: string; paint: (text: string) => string }> = {
  'assertion-failed': { text: 'FAILED', paint: chalk.red.bold },
  error: { text: 'ERROR', paint: chalk.red.bold },
  'timed-out': { text: 'TIMED OUT', paint: chalk.red.bold },
  'configuration-error': { text: 'CONFIG ERROR', paint: chalk.red.bold },
  'system-compromised': { text: 'COMPROMISED', paint: chalk.magenta.bold },
  unfinished: { text: 'UNFINISHED', paint: chalk.magenta.bold },
  flaky: { text: 'FLAKY', paint: chalk.yellow.bold },
  'not-applicable': { text: 'n/a', paint: chalk.yellow },
  skipped: { text: 'skipped', paint: chalk.cyan },
  passed: { text: 'passed', paint: chalk.green },
  'not-run': { text: '—', paint: chalk.dim },
}
const maxNameWidth = 64
const failing = failedCells({ allowFlaky: false })

/**
 * Whether a run failed: a scenario's cell fails the run on some channel (a
 * failure of any kind, unfinished, skipped, not run, flaky — as the gate
 * judges them), cucumber said so, something went wrong outside the scenarios,
 * or a system it started died.
 *
 * @example
 *   declare const runs: ChannelRun[], deaths: SystemDeath[]
 *   process.exitCode = runFailed(runs, deaths) ? 1 : 0
 *   runFailed([]) // false
 */
export function runFailed(runs: readonly ChannelRun[], deaths: readonly SystemDeath[] = []): boolean {
  return (
    deaths.length > 0 ||
    runs.some((r) => r.success === false || r.problems.length > 0 || r.scenarios.some((s) => failing.has(cellOf(s))))
  )
}

/**
 * The scenario × channel table (with two or more `sections`, one table per
 * section, with its own channels), then the systems that died during the run,
 * the failures with their kind and message, the flaky scenarios, the
 * not-applicable and not-run reasons, problems outside scenarios, the time
 * per channel and the verdict with a count of each cell.
 *
 * @example
 *   declare const runs: ChannelRun[], sections: SummarySection[], deaths: SystemDeath[]
 *   process.stdout.write(formatSummary(['api', 'ui'], runs))
 *   //   Paying by card     passed  n/a
 *   formatSummary(['api', 'http'], runs, sections, deaths) // a table per domain
 */
export function formatSummary(
  channels: readonly string[],
  runs: readonly ChannelRun[],
  sections: readonly SummarySection[] = [],
  deaths: readonly SystemDeath[] = [],
): string {
  const rows = scenarioRows(runs)
  // Two domains' runs of a channel of the same name hold different scenarios (a feature is one domain's).
  const byChannel = new Map<string, Map<string, ScenarioRun>>()
  for (const run of runs) {
    const scenarios = byChannel.get(run.channel) ?? new Map<string, ScenarioRun>()
    for (const scenario of run.scenarios) scenarios.set(scenario.key, scenario)
    byChannel.set(run.channel, scenarios)
  }
  const scenarioOn = (channel: string, key: string): ScenarioRun | undefined => byChannel.get(channel)?.get(key)
  const statuses = rows.map((row) => channels.map((channel) => cellOf(scenarioOn(channel, row.key))))
  const ran = channels.flatMap((channel) =>
    rows.flatMap((row) => [scenarioOn(channel, row.key)].flatMap((s) => (s ? [s] : []))),
  )
  const problems = problemLines(runs)
  const nothingRan =
    rows.length === 0 && problems.length === 0
      ? [chalk.yellow('No scenario ran: check the domains’ features in the config and --tags.')]
      : []
  const tables =
    sections.length < 2
      ? [{ title: undefined, channels, indexes: rows.map((_row, index) => index) }]
      : sectionTables(sections, channels, rows)
  // A scenario counts on its own domain's channels only: the other domains' columns are not "not run".
  const counted = tables.flatMap((table) =>
    table.indexes.flatMap((index) => table.channels.map((channel) => statuses[index]![channels.indexOf(channel)]!)),
  )
  return [
    ...(rows.length === 0
      ? []
      : tables.flatMap((table, t) => [
          ...(t > 0 ? [''] : []),
          ...(table.title === undefined ? [] : [chalk.bold.underline(table.title)]),
          ...tableLines(
            table.channels,
            table.indexes.map((index) => rows[index]!),
            table.indexes.map((index) => table.channels.map((channel) => statuses[index]![channels.indexOf(channel)]!)),
          ),
        ])),
    ...deathLines(deaths),
    ...failureLines(ran.filter((s) => failing.has(cellOf(s)) && !['not-run', 'flaky', 'skipped'].includes(cellOf(s)))),
    ...flakyLines(ran.filter((s) => s.flaky)),
    ...notApplicableLines(ran.filter((s) => s.status === 'not-applicable')),
    ...notRunLines(ran.filter((s) => s.status === 'not-run')),
    ...problems,
    ...(rows.length > 0 ? [''] : nothingRan),
    timeLine(runs),
    verdictLine(runs, deaths, counted),
    tallyLine(counted),
    '',
  ].join('\n')
}

// Each row in the first section that owns it; rows no section owns come last, under all channels.
function sectionTables(
  sections: readonly SummarySection[],
  channels: readonly string[],
  rows: readonly ScenarioRun[],
): { title: string; channels: readonly string[]; indexes: number[] }[] {
  const placed = new Set<number>()
  const take = (owns: (row: ScenarioRun) => boolean): number[] =>
    rows
      .flatMap((row, index) => (!placed.has(index) && owns(row) ? [index] : []))
      .map((index) => (placed.add(index), index))
  const tables = sections.map((section) => ({
    title: section.title,
    channels: section.channels,
    indexes: take((row) => section.owns(row.uri)),
  }))
  tables.push({ title: 'other features', channels: [...channels], indexes: take(() => true) })
  return tables.filter((table) => table.indexes.length > 0)
}

/** One row per scenario that ran on any channel, by feature file and line. */
function scenarioRows(runs: readonly ChannelRun[]): ScenarioRun[] {
  const rows = new Map(runs.flatMap((run) => run.scenarios).map((scenario) => [scenario.key, scenario]))
  return [...rows.values()].sort((a, b) => a.uri.localeCompare(b.uri) || a.line - b.line)
}

function tableLines(channels: readonly string[], rows: readonly ScenarioRun[], statuses: readonly Cell[][]): string[] {
  const nameWidth =
    Math.min(maxNameWidth, Math.max(8, ...rows.map((row) => Math.max(row.name.length + 2, row.feature.name.length)))) +
    2
  const widths = channels.map(
    (channel, c) => Math.max(channel.length, 7, ...statuses.map((row) => cells[row[c]!].text.length)) + 2,
  )
  const lines = [
    chalk.bold(
      `${'Scenario'.padEnd(nameWidth)}${channels.map((channel, i) => channel.padEnd(widths[i]!)).join('')}`.trimEnd(),
    ),
  ]
  rows.forEach((row, r) => {
    if (row.feature.name !== rows[r - 1]?.feature.name) lines.push(chalk.bold(truncate(row.feature.name, nameWidth)))
    const rowCells = statuses[r]!.map((status, c) => cells[status].paint(cells[status].text.padEnd(widths[c]!)))
    lines.push(`${truncate(`  ${row.name}`, nameWidth - 2).padEnd(nameWidth)}${rowCells.join('')}`.trimEnd())
  })
  return lines
}

function failureLines(failures: readonly ScenarioRun[]): string[] {
  if (failures.length === 0) return []
  return [
    '',
    chalk.red.bold('Failures'),
    ...failures.flatMap((f) => [
      `  ${chalk.red('✗')} ${f.feature.name} › ${f.name} · ${f.channel} · ${cellLabels[cellOf(f)]}  ` +
        `${chalk.dim(f.key)}`,
      ...(f.failure ?? '').split('\n').map((line) => `      ${line}`),
    ]),
  ]
}

// Passed in the end, but only on a retry: why each earlier attempt failed.
function flakyLines(flaky: readonly ScenarioRun[]): string[] {
  if (flaky.length === 0) return []
  return [
    '',
    chalk.yellow.bold('Flaky (passed only on a retry)'),
    ...flaky.flatMap((f) => [
      `  ~ ${f.feature.name} › ${f.name} · ${f.channel} · passed on attempt ${f.attempts.length}  ${chalk.dim(f.key)}`,
      ...(f.retriedFailures.at(-1) ?? '').split('\n').map((line) => `      ${line}`),
    ]),
  ]
}

// Before the failures: a dead system explains the scenarios that could not reach it.
function deathLines(deaths: readonly SystemDeath[]): string[] {
  if (deaths.length === 0) return []
  return [
    '',
    chalk.red.bold(deaths.length === 1 ? 'System down' : 'Systems down'),
    ...deaths.map((death) => `  ${chalk.red('✗')} ${describeDeath(death)}`),
  ]
}

function notApplicableLines(scenarios: readonly ScenarioRun[]): string[] {
  if (scenarios.length === 0) return []
  return [
    '',
    chalk.yellow.bold('Not applicable'),
    ...scenarios.map((s) => `  ○ ${s.feature.name} › ${s.name} · ${s.channel}: ${s.notApplicable ?? ''}`),
  ]
}

// Whatever stopped them (no browser, a dead system) stopped them all: one line per channel and cause.
function notRunLines(scenarios: readonly ScenarioRun[]): string[] {
  const groups = new Map<string, { channel: string; detail: string; count: number }>()
  for (const s of scenarios) {
    const detail = s.notRun
      ? `not run: ${s.notRun.reason}${s.notRun.fix ? `. ${s.notRun.fix}` : ''}`
      : 'not run: cucumber planned it but never finished it'
    const key = `${s.channel}\n${detail}`
    const group = groups.get(key) ?? { channel: s.channel, detail, count: 0 }
    groups.set(key, { ...group, count: group.count + 1 })
  }
  if (groups.size === 0) return []
  return [
    '',
    chalk.red.bold('Not run'),
    ...[...groups.values()].map((g) => `  ! ${g.channel}: ${g.count} scenario${g.count === 1 ? '' : 's'} ${g.detail}`),
  ]
}

function problemLines(runs: readonly ChannelRun[]): string[] {
  // A problem of the features themselves shows up on every channel that read them: say it once.
  const channelsByProblem = new Map<string, string[]>()
  for (const run of runs) {
    for (const problem of run.problems)
      channelsByProblem.set(problem, [...(channelsByProblem.get(problem) ?? []), runName(run)])
  }
  const lines = [...channelsByProblem].map(([problem, channels]) => `  ! ${channels.join(', ')}: ${problem}`)
  return lines.length > 0 ? ['', chalk.red.bold('Problems'), ...lines] : []
}

function timeLine(runs: readonly ChannelRun[]): string {
  const took = ({ durationMs }: ChannelRun): string =>
    durationMs === undefined ? 'not run' : `${(durationMs / 1000).toFixed(1)} s`
  return `${chalk.bold('Time')}      ${runs.map((run) => `${runName(run)} ${took(run)}`).join(' · ')}`
}

// A run is its domain's channel when the runner ran it for one.
function runName(run: ChannelRun): string {
  return run.domain === undefined ? run.channel : `${run.domain}/${run.channel}`
}

// Each cell counted in the order of the table's legend: the failures first.
function verdictLine(runs: readonly ChannelRun[], deaths: readonly SystemDeath[], statuses: readonly Cell[]): string {
  const counts = (Object.keys(cells) as Cell[])
    .map((cell) => [cell, statuses.filter((s) => s === cell).length] as const)
    .filter(([, count]) => count > 0)
    .map(([cell, count]) => `${count} ${cellLabels[cell]}`)
  const verdict = runFailed(runs, deaths) ? chalk.red.bold('FAILED') : chalk.green.bold('passed')
  return `${chalk.bold('Result')}    ${verdict}: ${counts.join(', ') || 'no scenario ran'}`
}

// Plain and alone on its line, in the 'N passed, N failed' form CI systems read; n/a counts as skipped there.
function tallyLine(statuses: readonly Cell[]): string {
  const count = (wanted: (cell: Cell) => boolean): number => statuses.filter(wanted).length
  const skipped = count((cell) => cell === 'not-applicable' || cell === 'skipped')
  const failed = count((cell) => failing.has(cell) && cell !== 'not-run' && cell !== 'skipped')
  return (
    `scenarios: ${count((cell) => cell === 'passed')} passed, ${failed} ` +
    `failed${skipped > 0 ? `, ${skipped} skipped` : ''}`
  )
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`
}
