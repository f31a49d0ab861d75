import type { BenchSettings } from './bench-settings.ts'
import { generateAccountsSuite } from './generate-suites.ts'
import { measureInterleaved } from './measure.ts'
import { describeLoad, formatTable, seconds, summaryCells, times, verdict } from './report-format.ts'
import { runTimedProcess, type TimedRun } from './run-cucumber-process.ts'
import { ratioOfMedians, summarize, type Summary } from './stats.ts'
import { childEnv, cucumberArgs, registerFile, support } from './variants.ts'

/** Parlance may take at most this many times as long as plain cucumber. */
export const overheadGoal = 1.05

interface Timings {
  wall: Summary
  inScenarios: Summary
  cpu: Summary
  cpuInScenarios: Summary
}

// The ladder: each rung adds one layer of Parlance to the one before, so the differences say where the CPU goes.
const rungs = [
  { label: 'plain cucumber steps', steps: support.plainAccounts, adds: '' },
  {
    label: '+ ParlanceWorld only',
    steps: support.plainAccountsParlanceWorld,
    adds: 'the World (alias table, step timer, driver context)',
  },
  {
    label: '+ installParlance',
    steps: support.plainAccountsInstallParlance,
    adds: "installParlance's step wrapper and Before/After hooks (the alias table attached)",
  },
  {
    label: 'Parlance: DSL + aliases',
    steps: support.parlanceAccounts,
    adds: 'the DSL: parsing each call, aliasing its names, the channel driver',
  },
] as const

/**
 * Section 1: the same suite of trivial steps through Parlance (installParlance,
 * the accounts DSL, aliases, an in-memory driver) and through plain cucumber
 * step definitions doing the same work by hand, serially, in one process each;
 * between them, the plain steps with Parlance's World, then under installParlance,
 * so that the differences say where Parlance's CPU per scenario goes.
 *
 * @example
 *   console.log(await benchOverhead({ runs: 5, accountsScenarios: 1000, visitsScenarios: 200, serverDelayMs: 10 }))
 */
export async function benchOverhead(settings: BenchSettings): Promise<string> {
  const suite = generateAccountsSuite(settings.accountsScenarios)
  const loadBefore = describeLoad()
  try {
    const variants = rungs.map(({ label, steps }) => ({
      label,
      run: () =>
        runTimedProcess({
          label,
          cwd: suite.dir,
          args: cucumberArgs([registerFile, support.marks, steps]),
          env: childEnv(),
          expectScenarios: suite.scenarios,
        }),
    }))
    const measured = (await measureInterleaved(variants, settings.runs)).map(timingsOf)
    const plain = measured[0]!
    const parlance = measured.at(-1)!
    const wallRatio = ratioOfMedians(parlance.wall, plain.wall)
    const cpuRatio = ratioOfMedians(parlance.cpu, plain.cpu)
    const perScenarioUs = (ms: number): number => (ms * 1000) / suite.scenarios
    const extraInScenariosUs = perScenarioUs(parlance.cpuInScenarios.median - plain.cpuInScenarios.median)
    const startUp = (t: Timings): number => t.cpu.median - t.cpuInScenarios.median
    const extraStartUpMs = startUp(parlance) - startUp(plain)
    const layers = rungs.slice(1).map((rung, index) => ({
      adds: rung.adds,
      us: perScenarioUs(measured[index + 1]!.cpuInScenarios.median - measured[index]!.cpuInScenarios.median),
      startUpMs: startUp(measured[index + 1]!) - startUp(measured[index]!),
    }))
    const largest = [...layers].sort((a, b) => b.us - a.us)[0]!
    return [
      `1 · Overhead: ${suite.scenarios} scenarios × 5 trivial steps, in-memory, serial (one process each)`,
      formatTable([
        ['variant', 'wall median', 'wall min – max', 'in scenarios', 'CPU', 'CPU in scenarios', 'CPU / scenario'],
        ...rungs.map((rung, index) => row(rung.label, measured[index]!, suite.scenarios)),
      ]),
      `  Parlance / plain, wall: ${times(wallRatio)}; CPU: ${times(cpuRatio)} — ` +
        `${verdict(cpuRatio <= overheadGoal, `≤ ${overheadGoal}× CPU`)}`,
      `  in scenarios only: ${times(ratioOfMedians(parlance.inScenarios, plain.inScenarios))} wall, ` +
        `${times(ratioOfMedians(parlance.cpuInScenarios, plain.cpuInScenarios))} CPU ` +
        `(+${extraInScenariosUs.toFixed(0)} µs CPU per scenario); start-up: +${seconds(extraStartUpMs)} CPU`,
      '  Where Parlance\'s CPU per scenario goes (medians of "CPU in scenarios", each rung less the one before):',
      formatTable(
        [
          ['  layer', 'µs CPU / scenario', 'start-up CPU'],
          ...layers.map((layer) => [`  ${layer.adds}`, signed(layer.us), `${signed(layer.startUpMs)} ms`]),
          ['  all of Parlance', signed(extraInScenariosUs), `${signed(extraStartUpMs)} ms`],
          ['  (plain cucumber itself, for scale)', perScenarioUs(plain.cpuInScenarios.median).toFixed(0), ''],
        ],
        '  ',
      ),
      ...(cpuRatio <= overheadGoal
        ? []
        : [
            `  What limits it: of Parlance's +${seconds(parlance.cpu.median - plain.cpu.median)} CPU, ` +
              `${seconds((extraInScenariosUs * suite.scenarios) / 1000)} is work per scenario and ` +
              `${seconds(extraStartUpMs)} start-up (its modules, through tsx).`,
            `  Largest layer per scenario: ${largest.adds}, ${largest.us.toFixed(0)} µs.`,
            `  Plain cucumber spends ${perScenarioUs(plain.cpuInScenarios.median).toFixed(0)} µs per scenario of ` +
              `trivial steps; ${overheadGoal}× leaves ` +
              `${perScenarioUs(plain.cpu.median * (overheadGoal - 1)).toFixed(0)} µs per scenario ` +
              'for all of Parlance.',
            '  What would move it: fewer hook runs per scenario (each is a test step with its messages), DSL calls',
            '  that parse and alias with less allocation, and Parlance loaded pre-transpiled (no tsx per module).',
          ]),
      '  (CPU = user + system time of the cucumber process, all threads, up to its AfterAll hook: less disturbed',
      '  than wall time by other load on the machine; "in scenarios" = first Before hook → AfterAll)',
      `  load average (1, 5, 15 min): ${loadBefore} at the start of this section, ${describeLoad()} at its end`,
    ].join('\n')
  } finally {
    suite.remove()
  }
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(0)}`
}

function timingsOf(runs: TimedRun[]): Timings {
  return {
    wall: summarize(runs.map((r) => r.wallMs)),
    inScenarios: summarize(runs.map((r) => r.scenariosMs)),
    cpu: summarize(runs.map((r) => r.cpuMs)),
    cpuInScenarios: summarize(runs.map((r) => r.scenariosCpuMs)),
  }
}

function row(label: string, timings: Timings, scenarios: number): string[] {
  return [
    label,
    ...summaryCells(timings.wall),
    seconds(timings.inScenarios.median),
    seconds(timings.cpu.median),
    seconds(timings.cpuInScenarios.median),
    `${((timings.cpuInScenarios.median * 1000) / scenarios).toFixed(0)} µs`,
  ]
}
