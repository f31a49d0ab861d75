import chalk from 'chalk'
import { outcomeLabels } from '../../drivers/core/errors/outcome.ts'
import type { ChannelResult, ScenarioOutcome } from './results.ts'
import type { SummarySection } from './summary-sections.ts'
import { describeDeath, type SystemDeath } from '../systems/system-death.ts'

/** A cell: how the scenario ended on the channel (`not-run` also when it has no outcome there); `compromised`: it failed because the system under test could not be reached. */
type CellStatus = ScenarioOutcome['status'] | 'compromised'
type ChannelOutcome = ScenarioOutcome & { channel: string }

const cells: Record<CellStatus, { text: string; paint: (text: string) => string; counted: string }> = {
  failed: { text: 'FAILED', paint: chalk.red.bold, counted: 'failed' },
  compromised: { text: 'COMPROMISED', paint: chalk.magenta.bold, counted: 'compromised' },
  'not-applicable': { text: 'n/a', paint: chalk.yellow, counted: 'n/a' },
  skipped: { text: 'skipped', paint: chalk.cyan, counted: 'skipped' },
  passed: { text: 'passed', paint: chalk.green, counted: 'passed' },
  'not-run': { text: '—', paint: chalk.dim, counted: 'not run' },
}
const maxNameWidth = 64

/**
 * Whether a run failed: a scenario failed on some channel, cucumber said so,
 * something went wrong outside the scenarios, or a system it started died.
 *
 * @example
 *   process.exitCode = runFailed(results, watch.deaths()) ? 1 : 0
 *   runFailed([{ channel: 'api', scenarios: [], problems: [], success: true, durationMs: 0 }]) // false
 */
export function runFailed(results: readonly ChannelResult[], deaths: readonly SystemDeath[] = []): boolean {
  return deaths.length > 0 || results.some((r) => !r.success || r.problems.length > 0 || r.scenarios.some((s) => s.status === 'failed' || s.status === 'not-run'))
}

/**
 * The scenario × channel table (with two or more `sections`, one table per
 * section, with its own channels), then the systems that died during the run,
 * the failures with their messages (those that could not reach the system
 * marked system compromised), the not-applicable and not-run reasons, problems
 * outside scenarios, the time per channel and the verdict.
 *
 * @example
 *   process.stdout.write(formatSummary(['api', 'ui'], results))
 *   //   Paying by card     passed  n/a
 *   formatSummary(['api', 'http'], results, domainSections(config.domains, ['api', 'http']), watch.deaths()) // a table per domain
 */
export function formatSummary(
  channels: readonly string[],
  results: readonly ChannelResult[],
  sections: readonly SummarySection[] = [],
  deaths: readonly SystemDeath[] = [],
): string {
  const rows = scenarioRows(results)
  const byChannel = new Map(results.map((result) => [result.channel, new Map(result.scenarios.map((s) => [s.key, s]))]))
  const outcome = (channel: string, key: string): ScenarioOutcome | undefined => byChannel.get(channel)?.get(key)
  const statuses = rows.map((row) => channels.map((channel) => cellOf(outcome(channel, row.key))))
  const outcomes = channels.flatMap((channel) => rows.flatMap((row) => [outcome(channel, row.key)].flatMap((o) => (o ? [{ ...o, channel }] : []))))
  const problems = problemLines(results)
  const nothingRan = rows.length === 0 && problems.length === 0 ? [chalk.yellow('No scenario ran: check the domains’ features in the config and --tags.')] : []
  const tables = sections.length < 2 ? [{ title: undefined, channels, indexes: rows.map((_row, index) => index) }] : sectionTables(sections, channels, rows)
  // A scenario counts on its own domain's channels only: the other domains' columns are not "not run".
  const counted = tables.flatMap((table) => table.indexes.flatMap((index) => table.channels.map((channel) => statuses[index]![channels.indexOf(channel)]!)))
  return [
    ...(rows.length === 0 ? [] : tables.flatMap((table, t) => [
      ...(t > 0 ? [''] : []),
      ...(table.title === undefined ? [] : [chalk.bold.underline(table.title)]),
      ...tableLines(table.channels, table.indexes.map((index) => rows[index]!), table.indexes.map((index) => table.channels.map((channel) => statuses[index]![channels.indexOf(channel)]!))),
    ])),
    ...deathLines(deaths),
    ...failureLines(outcomes.filter((o) => o.status === 'failed')),
    ...notApplicableLines(outcomes.filter((o) => o.status === 'not-applicable')),
    ...notRunLines(outcomes.filter((o) => o.status === 'not-run')),
    ...problems,
    ...(rows.length > 0 ? [''] : nothingRan),
    `${chalk.bold('Time')}      ${results.map((r) => `${r.channel} ${r.deadSystems ? 'not run' : `${(r.durationMs / 1000).toFixed(1)} s`}`).join(' · ')}`,
    verdictLine(results, deaths, counted),
    tallyLine(counted),
    '',
  ].join('\n')
}

// Each row in the first section that owns it; rows no section owns come last, under all channels.
function sectionTables(sections: readonly SummarySection[], channels: readonly string[], rows: readonly ScenarioOutcome[]): { title: string; channels: readonly string[]; indexes: number[] }[] {
  const placed = new Set<number>()
  const take = (owns: (row: ScenarioOutcome) => boolean): number[] =>
    rows.flatMap((row, index) => (!placed.has(index) && owns(row) ? [index] : [])).map((index) => (placed.add(index), index))
  const tables = sections.map((section) => ({ title: section.title, channels: section.channels, indexes: take((row) => section.owns(row.uri)) }))
  tables.push({ title: 'other features', channels: [...channels], indexes: take(() => true) })
  return tables.filter((table) => table.indexes.length > 0)
}

/** One row per scenario that ran on any channel, by feature file and line. */
function scenarioRows(results: readonly ChannelResult[]): ScenarioOutcome[] {
  const rows = new Map(results.flatMap((result) => result.scenarios).map((scenario) => [scenario.key, scenario]))
  return [...rows.values()].sort((a, b) => a.uri.localeCompare(b.uri) || a.line - b.line)
}

function cellOf(outcome: ScenarioOutcome | undefined): CellStatus {
  if (!outcome) return 'not-run'
  return outcome.status === 'failed' && outcome.failureKind === 'system-compromised' ? 'compromised' : outcome.status
}

function tableLines(channels: readonly string[], rows: readonly ScenarioOutcome[], statuses: readonly CellStatus[][]): string[] {
  const nameWidth = Math.min(maxNameWidth, Math.max(8, ...rows.map((row) => Math.max(row.scenario.length + 2, row.feature.length)))) + 2
  const widths = channels.map((channel, c) => Math.max(channel.length, 7, ...statuses.map((row) => cells[row[c]!].text.length)) + 2)
  const lines = [chalk.bold(`${'Scenario'.padEnd(nameWidth)}${channels.map((channel, i) => channel.padEnd(widths[i]!)).join('')}`.trimEnd())]
  rows.forEach((row, r) => {
    if (row.feature !== rows[r - 1]?.feature) lines.push(chalk.bold(truncate(row.feature, nameWidth)))
    const rowCells = statuses[r]!.map((status, c) => cells[status].paint(cells[status].text.padEnd(widths[c]!)))
    lines.push(`${truncate(`  ${row.scenario}`, nameWidth - 2).padEnd(nameWidth)}${rowCells.join('')}`.trimEnd())
  })
  return lines
}

function failureLines(failures: readonly ChannelOutcome[]): string[] {
  if (failures.length === 0) return []
  return [
    '',
    chalk.red.bold('Failures'),
    ...failures.flatMap((f) => [
      `  ${chalk.red('✗')} ${f.feature} › ${f.scenario} · ${f.channel}${cellOf(f) === 'compromised' ? ` · ${outcomeLabels['system-compromised']}` : ''}  ${chalk.dim(f.key)}`,
      ...(f.detail ?? '').split('\n').map((line) => `      ${line}`),
    ]),
  ]
}

// Before the failures: a dead system explains the scenarios that could not reach it.
function deathLines(deaths: readonly SystemDeath[]): string[] {
  if (deaths.length === 0) return []
  return ['', chalk.red.bold(deaths.length === 1 ? 'System down' : 'Systems down'), ...deaths.map((death) => `  ${chalk.red('✗')} ${describeDeath(death)}`)]
}

function notApplicableLines(outcomes: readonly ChannelOutcome[]): string[] {
  if (outcomes.length === 0) return []
  return ['', chalk.yellow.bold('Not applicable'), ...outcomes.map((o) => `  ○ ${o.feature} › ${o.scenario} · ${o.channel}: ${o.detail}`)]
}

// Whatever stopped them (no browser) stopped them all: one line per channel and cause.
function notRunLines(outcomes: readonly ChannelOutcome[]): string[] {
  const groups = new Map<string, { channel: string; detail: string; count: number }>()
  for (const o of outcomes) {
    const key = `${o.channel}\n${o.notRunReason ?? o.detail ?? ''}`
    const group = groups.get(key) ?? { channel: o.channel, detail: o.detail ?? 'not run', count: 0 }
    groups.set(key, { ...group, count: group.count + 1 })
  }
  if (groups.size === 0) return []
  return ['', chalk.red.bold('Not run'), ...[...groups.values()].map((g) => `  ! ${g.channel}: ${g.count} scenario${g.count === 1 ? '' : 's'} ${g.detail}`)]
}

function problemLines(results: readonly ChannelResult[]): string[] {
  // A problem of the features themselves shows up on every channel that read them: say it once.
  const channelsByProblem = new Map<string, string[]>()
  for (const { channel, problems } of results) {
    for (const problem of problems) channelsByProblem.set(problem, [...(channelsByProblem.get(problem) ?? []), channel])
  }
  const lines = [...channelsByProblem].map(([problem, channels]) => `  ! ${channels.join(', ')}: ${problem}`)
  return lines.length > 0 ? ['', chalk.red.bold('Problems'), ...lines] : []
}

function verdictLine(results: readonly ChannelResult[], deaths: readonly SystemDeath[], statuses: readonly CellStatus[]): string {
  const counts = (Object.keys(cells) as CellStatus[])
    .map((status) => [status, statuses.filter((s) => s === status).length] as const)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${cells[status].counted}`)
  const verdict = runFailed(results, deaths) ? chalk.red.bold('FAILED') : chalk.green.bold('passed')
  return `${chalk.bold('Result')}    ${verdict}: ${counts.join(', ') || 'no scenario ran'}`
}

// Plain and alone on its line, in the 'N passed, N failed' form CI systems read; n/a counts as skipped there.
function tallyLine(statuses: readonly CellStatus[]): string {
  const count = (...wanted: CellStatus[]): number => statuses.filter((s) => wanted.includes(s)).length
  const skipped = count('not-applicable', 'skipped')
  return `scenarios: ${count('passed')} passed, ${count('failed', 'compromised')} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`
}
