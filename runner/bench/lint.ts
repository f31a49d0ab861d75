// `npm run bench:lint`: `parlance lint`'s rules against real steps a person labelled how or what
// (runner/lint/corpus): precision per rule, recall on the how steps, the steps it got wrong.
import { cpus } from 'node:os'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { lintRules, resolveRuleSettings } from '../lint/index.ts'
import { corpusDir, readCorpus } from './lint-corpus.ts'
import { lintCorpus } from './lint-corpus-run.ts'
import { formatLintReport } from './lint-report.ts'
import { scoreLint } from './lint-score.ts'
import { describeLoad } from './report-format.ts'

// Rules about something other than how a step is said: their findings do not count towards recall,
// and their precision against the how/what labels is shown for reference only.
const otherConcerns = [
  'literal-data',
  'long-scenario',
  'feature-without-story',
  'scenario-outside-rule',
  'duplicate-scenario-name',
  'parse-error',
]

const help = `Usage: npm run bench:lint -- [options]

Runs every rule of parlance lint, at its default setting, over the labelled corpus
of real steps in runner/lint/corpus (one NDJSON file per public suite; see its
README.md for the sources, licences and how the labels were given). Each step is
linted on its own, wrapped in a feature of its language with a story and a Rule.

Prints, per rule, the steps it flagged, how many a person marked how (true
positives) and what (false positives), and its precision; recall on the how steps
(caught by any rule that says "how": every rule but ${otherConcerns.join(', ')}),
overall, per kind (ui, transport, selector) and per language; whether every rule
that is an error by default reaches precision ≥ 90% and recall reaches ≥ 80%
(issue 17); then the false positives and the missed how steps. The machine's
load average is printed at the start and the end. Missing a target is reported,
not an error: the exit code is 0 (2 for a bad option, 1 for a malformed corpus).

Options:
  --list N       list at most N steps of each kind of mistake (default: all; 0: none)
  --corpus DIR   read the corpus from DIR instead of runner/lint/corpus; runner/lint/corpus/holdout
                 is the held-out set, to see whether tuned rules hold on steps they were not tuned on
  -h, --help     show this help`

function main(args: string[]): number {
  let list: number | undefined
  let dir = corpusDir
  try {
    const { values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: { list: { type: 'string' }, corpus: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    })
    if (values.help) {
      process.stdout.write(`${help}\n`)
      return 0
    }
    list = readList(values.list)
    if (values.corpus !== undefined) dir = resolve(values.corpus)
  } catch (error) {
    process.stderr.write(
      `bench:lint: ${error instanceof Error ? error.message : String(error)}\n` +
        'Options: --list N, --corpus DIR, -h/--help. Run npm run bench:lint -- --help for more.\n',
    )
    return 2
  }

  const loadStart = describeLoad()
  const steps = readCorpus(dir)
  const settings = resolveRuleSettings(undefined, 'the default settings')
  const started = performance.now()
  const findings = lintCorpus(steps, settings)
  const lintMs = Math.round(performance.now() - started)
  const ran = lintRules.map((rule) => rule.id).filter((id) => settings.get(id)?.severity !== 'off')
  const howRules = ran.filter((id) => !otherConcerns.includes(id))
  const verdicts = steps.map((step) => ({
    id: step.id,
    label: step.label,
    ...(step.kind ? { kind: step.kind } : {}),
    language: step.language,
    rules: findings.get(step.id)?.rules ?? [],
  }))
  const score = scoreLint(verdicts, ran, howRules)
  const severities = new Map(lintRules.map((rule) => [rule.id, settings.get(rule.id)?.severity ?? rule.severity]))
  process.stdout.write(
    formatLintReport({
      steps,
      findings,
      score,
      severities,
      howRules,
      list,
      machine: `${cpus().length} cores, node ${process.version}`,
      load: { start: loadStart, end: describeLoad() },
      lintMs,
    }),
  )
  return 0
}

function readList(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const count = Number(value)
  if (value.trim() === '' || !Number.isInteger(count) || count < 0)
    throw new Error(`--list takes a whole number ≥ 0, e.g. --list 20, not "${value}"`)
  return count
}

try {
  process.exitCode = main(process.argv.slice(2))
} catch (error) {
  process.stderr.write(`bench:lint: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
}
