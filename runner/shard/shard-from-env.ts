import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { parseShard, type Shard } from './shard-spec.ts'

type Environment = Record<string, string | undefined>

/**
 * Where a run's shard came from: the `--shard` option, or the environment variables that gave it.
 *
 * @example
 *   const source: ShardSource = { kind: 'variables', variables: [['BUILDKITE_PARALLEL_JOB', '1']] }
 */
export type ShardSource =
  | { kind: 'option'; text: string }
  | { kind: 'variables'; variables: readonly (readonly [name: string, value: string])[] }

/**
 * A shard and where it came from, for the run to say both.
 *
 * @example
 *   const choice: ShardChoice = { shard: { index: 2, total: 4 }, source: { kind: 'option', text: '2/4' } }
 */
export interface ShardChoice {
  shard: Shard
  source: ShardSource
}

/** A CI system's pair of variables: which parallel job this is, and how many there are. */
interface ShardProvider {
  ci: string
  index: string
  total: string
  /** The index of the first job: 1 on GitLab, 0 elsewhere. */
  base: 0 | 1
  /** Who sets the pair, said when one is missing. */
  setBy: string
  /** What the total is, in the CI's own words. */
  totalIs: string
}

const providers: readonly ShardProvider[] = [
  {
    ci: 'GitLab',
    index: 'CI_NODE_INDEX',
    total: 'CI_NODE_TOTAL',
    base: 1,
    setBy: 'GitLab does, for a job with parallel: N',
    totalIs: "the job's parallel: N",
  },
  {
    ci: 'Buildkite',
    index: 'BUILDKITE_PARALLEL_JOB',
    total: 'BUILDKITE_PARALLEL_JOB_COUNT',
    base: 0,
    setBy: 'Buildkite does, for a step with parallelism: N',
    totalIs: "the step's parallelism: N",
  },
  {
    ci: 'CircleCI',
    index: 'CIRCLE_NODE_INDEX',
    total: 'CIRCLE_NODE_TOTAL',
    base: 0,
    setBy: 'CircleCI does, for a job with parallelism: N',
    totalIs: "the job's parallelism: N",
  },
  {
    ci: 'Kubernetes',
    index: 'JOB_COMPLETION_INDEX',
    total: 'PARLANCE_SHARD_TOTAL',
    base: 0,
    setBy: "an Indexed Job sets JOB_COMPLETION_INDEX; set PARLANCE_SHARD_TOTAL to the Job's completions",
    totalIs: "the Indexed Job's completions",
  },
]

/** The override that works on every CI: `PARLANCE_SHARD=I/N`, counted from 1 like `--shard`. */
const override = 'PARLANCE_SHARD'

/**
 * Every environment variable a shard can be read from; a test that runs the CLI clears them.
 *
 * @example
 *   const clean = Object.fromEntries(shardVariables.map((name) => [name, undefined]))
 */
export const shardVariables: readonly string[] = [override, ...providers.flatMap((p) => [p.index, p.total])]

/**
 * The shard this run is, and where it came from, first found of: `--shard I/N` (`option`), `PARLANCE_SHARD=I/N`,
 * then the CI's own variables — GitLab `CI_NODE_INDEX`/`CI_NODE_TOTAL` (from 1), Buildkite
 * `BUILDKITE_PARALLEL_JOB`/`BUILDKITE_PARALLEL_JOB_COUNT`, CircleCI `CIRCLE_NODE_INDEX`/`CIRCLE_NODE_TOTAL`, a
 * Kubernetes Indexed Job's `JOB_COMPLETION_INDEX` with `PARLANCE_SHARD_TOTAL` (from 0). A CI's total of 1 is a job
 * not split (CircleCI sets 0 of 1 on every job): undefined, the whole run. What comes first wins, even over wrong
 * values after it. A pair half set, a value that is not a whole number in range, or two CIs' pairs that disagree is
 * a ConfigurationError naming the variables.
 *
 * @example
 *   chooseShard(undefined, { BUILDKITE_PARALLEL_JOB: '1', BUILDKITE_PARALLEL_JOB_COUNT: '4' })?.shard
 *   // { index: 2, total: 4 }
 *   chooseShard('1/2', { PARLANCE_SHARD: '3/4' })?.shard // { index: 1, total: 2 }
 *   chooseShard(undefined, {}) // undefined
 */
export function chooseShard(option: string | undefined, env: Environment): ShardChoice | undefined {
  if (option !== undefined) return { shard: parseShard(option), source: { kind: 'option', text: option } }
  const text = env[override]
  if (text !== undefined)
    return { shard: parseShard(text, override), source: { kind: 'variables', variables: [[override, text]] } }
  return shardFromEnv(env)
}

/**
 * The shard a CI's parallel job is, read from the CI's own variables (see chooseShard), or undefined when none are
 * set or the CI's total is 1.
 *
 * @example
 *   shardFromEnv({ CI_NODE_INDEX: '3', CI_NODE_TOTAL: '4' })?.shard // { index: 3, total: 4 }
 *   shardFromEnv({ CIRCLE_NODE_INDEX: '0', CIRCLE_NODE_TOTAL: '4' })?.shard // { index: 1, total: 4 }
 *   shardFromEnv({}) // undefined
 */
export function shardFromEnv(env: Environment): ShardChoice | undefined {
  const found = providers.flatMap((provider) => {
    const shard = readProvider(provider, env)
    return shard ? [{ provider, shard }] : []
  })
  const [first, ...others] = found
  if (!first) return undefined
  const other = others.find(({ shard }) => shard.index !== first.shard.index || shard.total !== first.shard.total)
  if (other) {
    const says = ({ provider, shard }: (typeof found)[number]): string =>
      `${provider.index}=${env[provider.index]}, ${provider.total}=${env[provider.total]} ` +
      `(${provider.ci}: shard ${shard.index}/${shard.total})`
    throw new ConfigurationError(
      `${says(first)} and ${says(other)} disagree; unset one CI's variables, or choose with ` +
        `--shard INDEX/TOTAL or ${override}=INDEX/TOTAL`,
    )
  }
  if (first.shard.total === 1) return undefined
  const { index, total } = first.provider
  return {
    shard: first.shard,
    source: {
      kind: 'variables',
      variables: [
        [index, env[index]!],
        [total, env[total]!],
      ],
    },
  }
}

/**
 * How the run says where its shard came from.
 *
 * @example
 *   describeShardSource({ kind: 'option', text: '2/4' }) // '--shard 2/4'
 *   describeShardSource({ kind: 'variables', variables: [['CI_NODE_INDEX', '2'], ['CI_NODE_TOTAL', '4']] })
 *   // 'CI_NODE_INDEX=2, CI_NODE_TOTAL=4'
 */
export function describeShardSource(source: ShardSource): string {
  if (source.kind === 'option') return `--shard ${source.text}`
  return source.variables.map(([name, value]) => `${name}=${value}`).join(', ')
}

// One CI's pair, as a shard counted from 1; undefined when neither variable is set.
function readProvider(provider: ShardProvider, env: Environment): Shard | undefined {
  const index = env[provider.index]
  const total = env[provider.total]
  if (index === undefined && total === undefined) return undefined
  const halfSet = (set: string, value: string, unset: string): ConfigurationError =>
    new ConfigurationError(
      `${set} is "${value}" but ${unset} is not set; set both (${provider.setBy}) or pass --shard INDEX/TOTAL`,
    )
  if (index === undefined) throw halfSet(provider.total, total!, provider.index)
  if (total === undefined) throw halfSet(provider.index, index, provider.total)
  if (!/^\d+$/.test(total.trim()) || Number(total) < 1)
    throw new ConfigurationError(`${provider.total} is "${total}"; expected a whole number ≥ 1, ${provider.totalIs}`)
  const count = Number(total)
  const first = provider.base
  const last = count - 1 + first
  if (!/^\d+$/.test(index.trim()) || Number(index) < first || Number(index) > last) {
    const range = first === 1 ? `${provider.total} (${count})` : `${provider.total} - 1 (${last})`
    const counting = first === 1 ? '' : `; ${provider.ci} counts from 0`
    throw new ConfigurationError(
      `${provider.index} is "${index}"; expected a whole number from ${first} to ${range}${counting}`,
    )
  }
  return { index: Number(index) - first + 1, total: count }
}
