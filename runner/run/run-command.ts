import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { nearest } from '../../drivers/core/nearest.ts'
import { checkTagExpression } from './channel-tags.ts'
import { defaultConfigFile } from '../config/config.ts'
import { formatOptionHelp, parseOptions, type OptionSpec } from '../command/options.ts'
import type { RunOptions } from './run.ts'
import { chooseShard } from '../shard/shard-from-env.ts'

/**
 * The options of `parlance run`, in the order `--help` shows them.
 *
 * @example
 *   runOptionSpecs.parallel.defaultText // 'parallel in the config, else 1'
 */
export const runOptionSpecs = {
  config: { type: 'string', short: 'c', value: 'PATH', description: 'the config file', defaultText: defaultConfigFile },
  domain: {
    type: 'string',
    value: 'LIST',
    description: 'only these domains, comma-separated: their systems, channels and stories',
    defaultText: 'all',
  },
  channels: {
    type: 'string',
    value: 'LIST',
    description: "the channels to run, comma-separated: api,ui (each selected domain's that has them)",
    defaultText: 'all of every domain',
  },
  tags: {
    type: 'string',
    short: 't',
    value: 'EXPR',
    description: 'only the scenarios matching a cucumber tag expression',
    defaultText: 'all',
  },
  parallel: {
    type: 'string',
    short: 'p',
    value: 'N',
    description: 'worker processes per channel',
    defaultText: 'parallel in the config, else 1',
  },
  env: {
    type: 'string',
    value: 'NAME',
    description: 'local starts the systems; remote starts none',
    defaultText: 'local',
  },
  reports: {
    type: 'string',
    value: 'DIR',
    description: 'where the reports of each channel go',
    defaultText: 'reports in the config, else reports/',
  },
  shard: {
    type: 'string',
    value: 'I/N',
    description: 'run only shard I of N, balanced by the last durations',
    defaultText: "PARLANCE_SHARD, else the CI's parallel job variables, else all",
  },
  timings: {
    type: 'string',
    value: 'FILE',
    description: 'the scenario durations --shard balances by',
    defaultText: 'timings.json in the reports',
  },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
} as const satisfies Record<string, OptionSpec>

/**
 * `parlance run --help`.
 *
 * @example
 *   process.stdout.write(`${runHelp}\n`)
 *   runHelp.includes('--parallel N') // true
 */
export const runHelp = `Usage: parlance run [options]

Starts the systems under test once, runs every domain's features on each of its
channels through cucumber (a @channel:NAME tag narrows a scenario to NAME),
writes reports per domain and channel, prints a scenario × channel summary and
judges every story (the gate). A domain's channels are its own: two domains'
api channels are two runs, each with its own domain's steps.

Options:
${formatOptionHelp(runOptionSpecs)}

A system is not started when --env is remote, or when all of its address
variables (its env in the config, e.g. SETTLEMENT_URL) are already set: the
tests then use the addresses in those variables.
With --parallel 1 the scenarios run in the runner's own process (the fastest
start); with N > 1, in N cucumber worker processes per channel.
Each domain's channel writes DIR/<domain>/<channel>/messages.ndjson,
report.html and junit.xml; the gate writes DIR/dod.md, dod.html and junit.xml;
and every run writes DIR/timings.json: each scenario's duration per channel,
laid over the previous file's.
With --shard I/N the run takes only its share of the (scenario, channel) runs:
longest first by the timings, round-robin without them; the same scenarios and
timings always give the same split. A shard reports to reports/shard-I-of-N/
unless --reports is given, and its gate judges its share (the rest is not in
this run); parlance merge joins the shards' reports into one and judges the
whole. Without --shard, the shard is PARLANCE_SHARD=I/N (counted from 1), else
the CI's parallel job: GitLab CI_NODE_INDEX/CI_NODE_TOTAL (from 1), Buildkite
BUILDKITE_PARALLEL_JOB/BUILDKITE_PARALLEL_JOB_COUNT, CircleCI
CIRCLE_NODE_INDEX/CIRCLE_NODE_TOTAL, a Kubernetes Indexed Job's
JOB_COMPLETION_INDEX with PARLANCE_SHARD_TOTAL (from 0). A CI's total of 1 is
not a split. Two CIs' variables that disagree are an error.

Exit codes: 0 all passed · 1 a scenario failed or a system did not start ·
2 bad usage or config · 130 interrupted (Ctrl-C) · 143 terminated (SIGTERM)`

/**
 * Turns `parlance run`'s arguments into run options, or throws a ConfigurationError.
 *
 * @example
 *   parseRunArgs(['--channels', 'api,ui', '-p', '2'], '/work/shop')
 *   // { cwd: '/work/shop', channels: ['api', 'ui'], parallel: 2, env: 'local' }
 */
export function parseRunArgs(
  args: string[],
  cwd: string,
  environment: Record<string, string | undefined> = process.env,
): RunOptions | 'help' {
  const values = parseOptions('parlance run', args, runOptionSpecs)
  if (values.help) return 'help'
  const text = (name: keyof typeof runOptionSpecs): string | undefined => {
    const value = values[name]
    const spec: OptionSpec = runOptionSpecs[name]
    if (value === '')
      throw new ConfigurationError(`--${name} is empty; give ${spec.value ?? 'a value'}, or leave the option out`)
    return typeof value === 'string' ? value : undefined
  }
  const options: RunOptions = { cwd, env: 'local' }

  const env = text('env')
  if (env !== undefined) {
    if (env !== 'local' && env !== 'remote') {
      const suggestion = nearest(env, ['local', 'remote'])
      throw new ConfigurationError(
        `--env is "${env}"; expected local or remote${suggestion ? ` — did you mean ${suggestion}?` : ''}`,
      )
    }
    options.env = env
  }
  const parallel = text('parallel')
  if (parallel !== undefined) {
    if (!/^[1-9]\d*$/.test(parallel))
      throw new ConfigurationError(`--parallel is "${parallel}"; expected a whole number ≥ 1, e.g. --parallel 4`)
    options.parallel = Number(parallel)
  }
  const channels = text('channels')
  if (channels !== undefined) options.channels = commaList('channels', channels, 'channel names', 'api,ui')
  const domains = text('domain')
  if (domains !== undefined) options.domains = commaList('domain', domains, 'domain names', 'settlement,load-balancer')
  const shard = chooseShard(text('shard'), environment)
  if (shard) {
    options.shard = shard.shard
    options.shardSource = shard.source
  }
  for (const name of ['config', 'tags', 'reports', 'timings'] as const) {
    const value = text(name)
    if (value !== undefined) options[name] = value
  }
  if (options.tags) checkTagExpression(options.tags)
  return options
}

// `a,b` → ['a', 'b']; an empty name is a usage error.
function commaList(option: string, value: string, what: string, example: string): string[] {
  const list = value.split(',').map((name) => name.trim())
  if (list.some((name) => name === ''))
    throw new ConfigurationError(`--${option} is "${value}"; expected ${what} separated by commas, e.g. ${example}`)
  return list
}

/**
 * Runs `parlance run` with its arguments; resolves to the exit code.
 *
 * @example
 *   process.exitCode = await runCommand(['--channels', 'api'])
 */
export async function runCommand(args: string[]): Promise<number> {
  const options = parseRunArgs(args, process.cwd())
  if (options === 'help') {
    process.stdout.write(`${runHelp}\n`)
    return 0
  }
  const { run } = await import('./run.ts')
  return run(options)
}
