import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildChannelRun, findMessageFiles, readMessageFile } from '../../drivers/core/run-model/index.ts'
import { onAbort } from '../command/abort.ts'
import { sectionsOfRuns } from '../config/domain-sections.ts'
import { loadConfig } from '../config/load-config.ts'
import type { DomainConfig } from '../config/config.ts'
import { judge, type GateConfig, type Verdict } from '../gate/index.ts'
import { startSuiteRun, type RunningSuite } from '../isolation/run-suite.ts'
import { shardVariables } from '../shard/shard-from-env.ts'
import { timingsOf } from '../shard/timings.ts'
import { type RunFigures, ratioLimits, shardBalance, verdictDifferences } from './shard-figures.ts'
import { printRealShards } from './shard-real-report.ts'

const repository = fileURLToPath(new URL('../../', import.meta.url))
/** The slowest shard's wall time may be at most this many times the unsharded run's / N. */
const goal = 1.15
// The whole suite takes ~3 min on a quiet 2-core machine; a run past this is stuck.
const runTimeoutMs = 30 * 60_000

/**
 * `npm run bench:shard -- --real N`: runs the example suite unsharded, then as shards 1…N one after another (each
 * balanced by the unsharded run's durations, each to its own reports directory), then `parlance merge` over the
 * shards; prints each run's figures, the slowest shard against the ideal (unsharded wall time / N), what limits it,
 * the load average before and after, and both gate verdicts. Resolves to 1 when the verdicts differ, else 0. Its
 * temporary directory is removed and no process is left behind, also on Ctrl-C. `root`: the project, by default this
 * repository.
 *
 * @example
 *   process.exitCode = await benchRealShards(4, (line) => process.stdout.write(`${line}\n`))
 */
export async function benchRealShards(
  n: number,
  out: (line: string) => void,
  root: string = repository,
): Promise<number> {
  const temp = mkdtempSync(join(tmpdir(), 'parlance-bench-shard-'))
  const removeTemp = (): void => rmSync(temp, { recursive: true, force: true })
  let current: RunningSuite | undefined
  const guard = onAbort({
    cleanup: async () => {
      await current?.interrupt()
      removeTemp()
    },
    hardStop: removeTemp,
    deadlineMs: 30_000,
  })
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const name of shardVariables) delete env[name]
  // Once aborting, the abort owns the exit: start nothing more, wait for it.
  const parked = new Promise<never>(() => {})
  const parlance = async (args: string[]): Promise<{ code: number | null; ms: number }> => {
    if (guard.aborting) await parked
    out(`\n── parlance ${args.join(' ')}`)
    current = startSuiteRun(args, { cwd: root, env, timeoutMs: runTimeoutMs })
    const ended = await current.done
    if (guard.aborting) await parked
    current = undefined
    return { code: ended.code, ms: ended.ms }
  }
  try {
    const loadAtStart = loadavg()
    const { config } = await loadConfig(undefined, root)
    const judging = { domainConfigs: config.domains, ...(config.gate ? { gate: config.gate } : {}) }
    const wholeDir = join(temp, 'whole')
    const whole = await parlance(['run', '--reports', wholeDir])
    const shardDirs = Array.from({ length: n }, (_, i) => join(temp, `shard-${i + 1}-of-${n}`))
    const shards: { code: number | null; ms: number }[] = []
    for (const [i, dir] of shardDirs.entries()) {
      const timings = join(wholeDir, 'timings.json')
      shards.push(await parlance(['run', '--shard', `${i + 1}/${n}`, '--reports', dir, '--timings', timings]))
    }
    const mergedDir = join(temp, 'merged')
    const merge = await parlance(['merge', ...shardDirs, '--out', mergedDir])
    const loadAtEnd = loadavg()

    const wholeRead = await readReports(wholeDir, whole.ms, judging)
    const shardsRead = await Promise.all(shardDirs.map((dir, i) => readReports(dir, shards[i]!.ms, judging)))
    const mergedVerdict = (await readReports(mergedDir, 0, judging)).verdict
    const balance = shardBalance(whole.ms, shardsRead, goal)
    const differences = verdictDifferences(wholeRead.verdict, mergedVerdict)
    printRealShards(
      {
        n,
        goal,
        cores: availableParallelism(),
        load: { start: loadAtStart, end: loadAtEnd },
        whole: { ...wholeRead, code: whole.code },
        shards: shardsRead.map((read, i) => ({ ...read, code: shards[i]!.code })),
        merged: { verdict: mergedVerdict, code: merge.code },
        balance,
        limits: ratioLimits(wholeRead, shardsRead, balance),
        differences,
      },
      out,
    )
    return differences.length === 0 ? 0 : 1
  } finally {
    if (!guard.aborting) {
      guard.release()
      removeTemp()
    }
  }
}

interface Judging {
  domainConfigs: Readonly<Record<string, DomainConfig>>
  gate?: GateConfig
}

// A run's figures and its gate verdict, read from the cucumber messages in its reports directory by the run model.
async function readReports(
  dir: string,
  wallMs: number,
  judging: Judging,
): Promise<RunFigures & { verdict: Verdict; scenarios: number }> {
  const sets = await Promise.all(findMessageFiles([dir]).map((file) => readMessageFile(file)))
  const runs = sets.map(buildChannelRun)
  const durations = runs.flatMap((run) =>
    Object.values(timingsOf(run)).flatMap((scenarios) => Object.values(scenarios)),
  )
  const verdict = judge(runs, {
    domains: sectionsOfRuns(judging.domainConfigs, runs),
    ...(judging.gate ? { config: judging.gate } : {}),
  })
  return {
    wallMs,
    channelsMs: runs.reduce((sum, run) => sum + (run.durationMs ?? 0), 0),
    scenarioMs: durations.reduce((sum, ms) => sum + ms, 0),
    longestMs: Math.max(0, ...durations),
    scenarios: durations.length,
    verdict,
  }
}
