// `npm run bench:framework`: Parlance's overhead over plain cucumber, the
// speed-up of parallel workers, and the cold start to the first scenario.
import { cpus, platform, arch } from 'node:os'
import { parseArgs } from 'node:util'
import type { BenchSettings } from './bench-settings.ts'
import { benchColdStart } from './cold-start.ts'
import { benchOverhead } from './overhead.ts'
import { benchParallel } from './parallel.ts'
import { describeLoad } from './report-format.ts'

const sections = { overhead: benchOverhead, parallel: benchParallel, 'cold-start': benchColdStart } as const
type SectionName = keyof typeof sections

const help = `Usage: npm run bench:framework -- [options]

Generates suites into temporary directories and runs each through cucumber-js
as a child process, timing the whole process (wall clock, spawn to exit):

  overhead    1,000 scenarios × 5 trivial steps: Parlance (installParlance,
              a DSL, aliases, an in-memory driver) against plain cucumber
              step definitions doing the same work; goal Parlance ≤ 1.05×
              CPU. Between them, the plain steps with Parlance's World, then
              under installParlance: the differences say where the CPU per
              scenario goes
  parallel    200 scenarios × 3 steps that each wait on a loopback HTTP request
              (answered after 10 ms): serial against --parallel 2, goal ≥ 1.8×
              faster; and the trivial suite, where parallel is slower
  cold-start  spawn → first scenario, for plain .mjs steps, TypeScript through
              the tsx register file and node --import tsx, Parlance, and
              parlance run (left out with a note if it does not work); goal
              parlance run ≤ 1.3× the plain .mjs steps

Each section prints the machine's load average at its start and end, and for
a goal it misses, what limits the figure and what would move it.

Every run must pass all its scenarios, or the benchmark stops with exit code 1.
Each variant runs once untimed, then --runs times, interleaved (A B A B …);
the report gives medians, min – max and ratios. Missing a goal is reported,
not an error: the exit code is 0.

Options:
  --runs N       timed runs per variant (default 5; 3 with --quick)
  --quick        smaller suites: 200 × 5 trivial steps, 50 × 3 I/O steps
  --only LIST    sections to run, comma-separated: overhead,parallel,cold-start
                 (default: all)
  -h, --help     show this help`

async function main(args: string[]): Promise<number> {
  let settings: BenchSettings
  let chosen: SectionName[]
  try {
    const { values } = parseArgs({
      args,
      strict: true,
      options: {
        runs: { type: 'string' },
        quick: { type: 'boolean' },
        only: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
    if (values.help) {
      process.stdout.write(`${help}\n`)
      return 0
    }
    settings = readSettings(values.runs, values.quick ?? false)
    chosen = readSections(values.only)
  } catch (error) {
    process.stderr.write(
      `bench:framework: ${error instanceof Error ? error.message : String(error)}\nRun npm run bench:framework ` +
        `-- --help for the options.\n`,
    )
    return 2
  }

  process.stdout.write(
    [
      'Parlance framework benchmark',
      `  machine: ${describeMachine()}`,
      `  ${settings.runs} timed runs per variant after one warm-up run each, variants interleaved; ` +
        'wall = spawn → exit of the whole',
      '  process: node node_modules/@cucumber/cucumber/bin/cucumber.js --format summary ' +
        '(stdout piped to this process),',
      '  support code imported with --import (the tsx register file first); ' +
        '"in scenarios" = first Before hook → last AfterAll.',
      '',
    ].join('\n') + '\n',
  )
  for (const name of chosen) process.stdout.write(`${await sections[name](settings)}\n\n`)
  process.stdout.write(`load average (1, 5, 15 min) at the end: ${describeLoad()}\n`)
  return 0
}

function describeMachine(): string {
  const cpu = cpus()
  const model = cpu[0]?.model.trim() ?? 'unknown CPU'
  return (
    `${cpu.length} × ${model}, ${platform()} ${arch()}, node ${process.version}, ` +
    `load average (1, 5, 15 min) at the start: ${describeLoad()}`
  )
}

function readSettings(runs: string | undefined, quick: boolean): BenchSettings {
  const count = runs === undefined ? (quick ? 3 : 5) : Number(runs)
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--runs takes a whole number ≥ 1, e.g. --runs 5, not "${runs}"`)
  return { runs: count, accountsScenarios: quick ? 200 : 1000, visitsScenarios: quick ? 50 : 200, serverDelayMs: 10 }
}

function readSections(only: string | undefined): SectionName[] {
  if (only === undefined) return Object.keys(sections) as SectionName[]
  const names = only.split(',').map((name) => name.trim())
  const unknown = names.filter((name) => !Object.hasOwn(sections, name))
  if (unknown.length > 0)
    throw new Error(
      `--only: unknown section ${unknown.map((n) => `"${n}"`).join(', ')}; choose from ` +
        `${Object.keys(sections).join(', ')}`,
    )
  return names as SectionName[]
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`bench:framework: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  },
)
