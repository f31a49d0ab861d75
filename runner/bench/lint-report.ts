import type { CorpusStep } from './lint-corpus.ts'
import type { StepFindings } from './lint-corpus-run.ts'
import type { LintScore, Recall, RuleScore, StepVerdict } from './lint-score.ts'

/**
 * The targets of issue 17: precision ≥ 90% for every rule that is an error by
 * default, recall ≥ 80% on the "how" steps.
 *
 * @example
 *   lintGoals.precision // 0.9
 */
export const lintGoals = { precision: 0.9, recall: 0.8 } as const

/**
 * What the lint bench report is made of: the corpus, what lint said of each
 * step, the score, each rule's default severity, which rules say "how", how
 * many misclassified steps to list, and the run's circumstances.
 *
 * @example
 *   declare const steps: CorpusStep[]
 *   declare const findings: Map<string, StepFindings>
 *   declare const score: LintScore
 *   const report: LintReport = {
 *     steps,
 *     findings,
 *     score,
 *     severities: new Map([['ui-words', 'error']]),
 *     howRules: ['ui-words'],
 *     list: undefined,
 *     machine: '2 cores, node v20.19.0',
 *     load: { start: '0.50 0.40 0.30', end: '0.60 0.40 0.30' },
 *     lintMs: 120,
 *   }
 */
export interface LintReport {
  steps: readonly CorpusStep[]
  findings: ReadonlyMap<string, StepFindings>
  score: LintScore
  /** Each rule's default severity, `off` included. */
  severities: ReadonlyMap<string, string>
  howRules: readonly string[]
  /** List at most this many steps of each kind of mistake; undefined: all. */
  list: number | undefined
  machine: string
  load: { start: string; end: string }
  lintMs: number
}

/**
 * The lint bench's report as text: the corpus, precision per rule, recall on
 * the "how" steps overall, per kind and per language, both per source, whether
 * the targets are met, then the false positives and the missed "how" steps.
 *
 * @example
 *   declare const report: LintReport
 *   process.stdout.write(formatLintReport(report))
 */
export function formatLintReport(report: LintReport): string {
  const { steps, score, severities, howRules } = report
  const how = steps.filter((step) => step.label === 'how')
  const kinds = Object.entries(score.recallByKind).map(([kind, recall]) => `${kind} ${recall.how}`)
  const sources = new Set(steps.map((step) => step.source.repo)).size
  const lines = [
    'Parlance lint on a labelled corpus of real steps (runner/lint/corpus)',
    `  machine: ${report.machine}, load average (1, 5, 15 min) at the start: ${report.load.start}`,
    `  ${steps.length} steps from ${sources} public suites: ${how.length} how (${kinds.join(', ')}), ` +
      `${steps.length - how.length} what`,
    '  every rule at its default setting; each step linted alone, wrapped in a feature of its language with a',
    `  story and a Rule; only findings on the step's own lines count; linting took ${report.lintMs} ms`,
    '',
    'Precision per rule (a step counts once per rule; how = true positive, what = false positive)',
    ...precisionTable(score, severities, howRules),
    '',
    `Recall on the how steps (caught = flagged by ${howRules.join(', ')})`,
    `  all        ${formatRecall(score.recall)}  goal ≥ ${whole(lintGoals.recall)}: ` +
      metOrMissed(score.recall.recall, lintGoals.recall),
    ...Object.entries(score.recallByKind).map(([kind, recall]) => `  ${kind.padEnd(10)} ${formatRecall(recall)}`),
    `  by language: ${Object.entries(score.recallByLanguage)
      .map(([language, recall]) => `${language} ${formatRecall(recall, '')}`)
      .join(' · ')}`,
    '',
    'By source (how steps caught; what steps flagged by a how rule)',
    ...bySource(report),
    '',
    'Targets',
    ...verdictLines(score, severities, howRules),
    '',
    ...stepList(
      `False positives: what steps flagged by a how rule (${score.falsePositives.length})`,
      score.falsePositives,
      report,
    ),
    '',
    ...stepList(`Missed: how steps no how rule flagged (${score.missed.length})`, score.missed, report),
    '',
    `load average (1, 5, 15 min) at the end: ${report.load.end}`,
  ]
  return `${lines.join('\n')}\n`
}

function precisionTable(
  score: LintScore,
  severities: ReadonlyMap<string, string>,
  howRules: readonly string[],
): string[] {
  const width = Math.max(...score.rules.map((rule) => rule.rule.length)) + 2
  const header = `  ${'rule'.padEnd(width)}${'default'.padEnd(9)}flagged    how   what  precision`
  const rows = score.rules.map((rule) => {
    const severity = severities.get(rule.rule) ?? '?'
    const goal =
      severity === 'error' && rule.precision !== undefined
        ? `  goal ≥ ${whole(lintGoals.precision)}: ${metOrMissed(rule.precision, lintGoals.precision)}`
        : howRules.includes(rule.rule)
          ? ''
          : rule.flagged > 0
            ? '  (about something else than how: for reference)'
            : ''
    return (
      `  ${rule.rule.padEnd(width)}${severity.padEnd(9)}${String(rule.flagged).padStart(7)}` +
      `${String(rule.truePositives).padStart(7)}${String(rule.falsePositives).padStart(7)}` +
      `${(rule.precision === undefined ? '—' : percent(rule.precision)).padStart(11)}${goal}`
    )
  })
  return [header, ...rows]
}

function bySource(report: LintReport): string[] {
  const caught = (step: CorpusStep) =>
    (report.findings.get(step.id)?.rules ?? []).some((rule) => report.howRules.includes(rule))
  const repos = [...new Set(report.steps.map((step) => step.source.repo))]
  const width = Math.max(...repos.map((repo) => repo.length)) + 2
  return repos.map((repo) => {
    const steps = report.steps.filter((step) => step.source.repo === repo)
    const how = steps.filter((step) => step.label === 'how')
    const what = steps.filter((step) => step.label === 'what')
    const share = (part: number, whole: number) => `${part}/${whole}`.padStart(8)
    return (
      `  ${repo.padEnd(width)}how ${share(how.filter(caught).length, how.length)}` +
      `   what ${share(what.filter(caught).length, what.length)}   (${steps[0]!.source.licence})`
    )
  })
}

function verdictLines(
  score: LintScore,
  severities: ReadonlyMap<string, string>,
  howRules: readonly string[],
): string[] {
  const errors = score.rules.filter((rule) => severities.get(rule.rule) === 'error')
  const judged = errors.filter((rule) => rule.precision !== undefined)
  const meeting = judged.filter((rule) => rule.precision! >= lintGoals.precision)
  const missing = judged.filter((rule) => rule.precision! < lintGoals.precision)
  const silent = errors.filter((rule) => rule.precision === undefined && howRules.includes(rule.rule))
  const elsewhere = errors.filter((rule) => rule.precision === undefined && !howRules.includes(rule.rule))
  const named = (rules: readonly RuleScore[]) =>
    rules.map((rule) => `${rule.rule} (${percent(rule.precision!)})`).join(', ') || 'none'
  return [
    `  default-error rules at precision ≥ ${whole(lintGoals.precision)}: ${named(meeting)}`,
    `  default-error rules below it: ${named(missing)}`,
    ...(silent.length > 0
      ? [`  default-error how rules that flagged no step: ${silent.map((rule) => rule.rule).join(', ')}`]
      : []),
    ...(elsewhere.length > 0
      ? [
          `  not judged by a corpus of steps (they look at files and scenarios): ` +
            elsewhere.map((rule) => rule.rule).join(', '),
        ]
      : []),
    `  recall ≥ ${whole(lintGoals.recall)} on the how steps: ` +
      `${metOrMissed(score.recall.recall, lintGoals.recall)} (${formatRecall(score.recall, '')})`,
  ]
}

function stepList(title: string, verdicts: readonly StepVerdict[], report: LintReport): string[] {
  const shown = report.list === undefined ? verdicts : verdicts.slice(0, report.list)
  const byId = new Map(report.steps.map((step) => [step.id, step]))
  const lines = shown.map((verdict) => {
    const step = byId.get(verdict.id)!
    const said = report.findings.get(verdict.id)
    const why =
      verdict.label === 'what'
        ? ` ← ${verdict.rules.join(', ')}: ${said?.messages.map(quotedWord).join(', ')}`
        : ` (${verdict.kind})`
    return `  ${verdict.id} [${step.language}] ${step.keyword} ${step.text}${step.table ? ' + table' : ''}${why}`
  })
  const more = verdicts.length - shown.length
  return [title, ...lines, ...(more > 0 ? [`  … and ${more} more (--list N shows N, no --list shows all)`] : [])]
}

// A finding's message starts with the quoted text it flags: "header" says how, …
function quotedWord(message: string): string {
  return /^"[^"]*"/.exec(message)?.[0] ?? message.slice(0, 40)
}

// Padded for a column, or compact with pad ''.
function formatRecall(recall: Recall, pad = ' '): string {
  const share = recall.recall === undefined ? '—' : percent(recall.recall)
  const count = `${recall.caught}/${recall.how}`
  return pad === '' ? `${count} ${share}` : `${count.padStart(7)} ${share.padStart(6)}`
}

function metOrMissed(value: number | undefined, goal: number): string {
  return value !== undefined && value >= goal ? 'met' : 'missed'
}

function whole(share: number): string {
  return `${Math.round(share * 100)}%`
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`
}
