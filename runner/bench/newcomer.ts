import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseMessages } from '../../drivers/core/run-model/index.ts'
import { countNewcomerLines, makeNewcomerProject } from './newcomer/newcomer-project.ts'
import { formatTable, seconds, verdict } from './report-format.ts'
import { median } from './stats.ts'

// `npm run bench:newcomer [-- --runs N]`: issue 13's newcomer path, measured. A project made by `parlance init`, a
// domain added by `parlance new domain rooms` and rewritten for a meeting-room booking service the newcomer was
// given (runner/bench/newcomer/rooms: 4 scenarios on api). Prints the non-blank lines per layer, then what a run
// of the domain costs beyond its steps: wall time of `parlance run --domain rooms` minus the time cucumber spent
// in steps and hooks, beside `parlance run` of the whole project (its other domain and the stub start too), each
// run in turn, medians of N.

const bin = fileURLToPath(new URL('../bin/parlance.mjs', import.meta.url))
const runsArg = process.argv.indexOf('--runs')
const runs = runsArg === -1 ? 5 : Number(process.argv[runsArg + 1])
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs takes a whole number ≥ 1, e.g. --runs 5`)

const dir = mkdtempSync(join(tmpdir(), 'parlance-newcomer-'))
try {
  const made = Date.now()
  makeNewcomerProject(dir)
  const makeMs = Date.now() - made
  const lines = countNewcomerLines(dir)
  const variants = [
    { name: 'parlance run --domain rooms', args: ['run', '--domain', 'rooms'], reports: ['rooms/api'] },
    { name: 'parlance run (both domains)', args: ['run'], reports: ['shop/api', 'rooms/api'] },
  ]
  const timed = variants.map(() => [] as { wallMs: number; stepsMs: number }[])
  for (let run = 0; run < runs; run++)
    variants.forEach((variant, index) => timed[index]!.push(timeRun(variant.args, variant.reports)))
  const overhead = timed.map((list) => median(list.map((t) => t.wallMs - t.stepsMs)))
  const load = loadavg().map((l) => l.toFixed(2))
  process.stdout.write(
    [
      `newcomer path · ${cpus().length} cores · load average ${load.join(' ')} · ${runs} runs each, in turn`,
      `  init + npm install (offline) + new domain: ${seconds(makeMs)}`,
      '',
      'Non-blank lines the newcomer wrote (specs: feature + step glue; dsl; drivers):',
      formatTable([['layer', 'lines'], ...Object.entries(lines).map(([layer, count]) => [layer, String(count)])]),
      `  ${verdict(lines.total! <= 80, '≤ 80 lines in all')}`,
      '',
      'A run: wall time, time in steps and hooks (cucumber), and the overhead (wall − steps), medians:',
      formatTable([
        ['command', 'wall', 'steps', 'overhead'],
        ...variants.map((variant, index) => [
          variant.name,
          seconds(median(timed[index]!.map((t) => t.wallMs))),
          seconds(median(timed[index]!.map((t) => t.stepsMs))),
          seconds(overhead[index]!),
        ]),
      ]),
      `  ${verdict(overhead[0]! <= 3000, '--domain overhead ≤ 3 s')}`,
      '',
    ].join('\n'),
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}

// One run, timed; it must pass. Steps' time is the sum of every test step's duration in the run's messages.
function timeRun(args: string[], reports: string[]): { wallMs: number; stepsMs: number } {
  const started = process.hrtime.bigint()
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8' })
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6
  if (result.status !== 0) throw new Error(`parlance ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`)
  const stepsMs = reports
    .flatMap((report) => {
      const file = join(dir, 'reports', report, 'messages.ndjson')
      return parseMessages(readFileSync(file, 'utf8'), file)
    })
    .reduce((sum, envelope) => {
      const duration = envelope.testStepFinished?.testStepResult.duration
      return duration ? sum + duration.seconds * 1000 + duration.nanos / 1e6 : sum
    }, 0)
  return { wallMs, stepsMs }
}
