import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'

/**
 * Which of the CI job's parallel machines this run is: shard `index` of `total`, counted from 1.
 *
 * @example
 *   const shard: Shard = { index: 2, total: 4 } // --shard 2/4
 */
export interface Shard {
  index: number
  total: number
}

/**
 * Parses `--shard i/n`, 1 ≤ i ≤ n; anything else is a ConfigurationError that quotes the value.
 *
 * @example
 *   parseShard('2/4') // { index: 2, total: 4 }
 *   parseShard('0/4') // ConfigurationError: --shard is "0/4"; the index counts from 1: expected 1/4 … 4/4
 */
export function parseShard(text: string, source = '--shard'): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text)
  if (!match)
    throw new ConfigurationError(`${source} is "${text}"; expected INDEX/TOTAL with whole numbers, e.g. --shard 2/4`)
  const index = Number(match[1])
  const total = Number(match[2])
  if (total < 1) throw new ConfigurationError(`${source} is "${text}"; the total must be at least 1, e.g. --shard 1/4`)
  if (index < 1)
    throw new ConfigurationError(
      `${source} is "${text}"; the index counts from 1: expected 1/${total} … ${total}/${total}`,
    )
  if (index > total)
    throw new ConfigurationError(
      `${source} is "${text}"; the index is larger than the total: expected 1/${total} … ${total}/${total}`,
    )
  return { index, total }
}

/**
 * The shard GitLab's `parallel: N` gives this job: `CI_NODE_INDEX` (from 1) of
 * `CI_NODE_TOTAL`, or undefined when neither is set. One without the other,
 * or a value that is not a whole number in range, is a ConfigurationError
 * naming the variable.
 *
 * @example
 *   shardFromEnv({ CI_NODE_INDEX: '3', CI_NODE_TOTAL: '4' }) // { index: 3, total: 4 }
 *   shardFromEnv({}) // undefined
 */
export function shardFromEnv(env: Record<string, string | undefined>): Shard | undefined {
  const index = env.CI_NODE_INDEX
  const total = env.CI_NODE_TOTAL
  if (index === undefined && total === undefined) return undefined
  if (index === undefined)
    throw new ConfigurationError(
      `CI_NODE_TOTAL is "${total}" but CI_NODE_INDEX is not set; set both (GitLab does, for a job with ` +
        `parallel: N) or pass --shard INDEX/TOTAL`,
    )
  if (total === undefined)
    throw new ConfigurationError(
      `CI_NODE_INDEX is "${index}" but CI_NODE_TOTAL is not set; set both (GitLab does, for a job with ` +
        `parallel: N) or pass --shard INDEX/TOTAL`,
    )
  if (!/^\d+$/.test(total.trim()) || Number(total) < 1)
    throw new ConfigurationError(`CI_NODE_TOTAL is "${total}"; expected a whole number ≥ 1, the job's parallel: N`)
  if (!/^\d+$/.test(index.trim()) || Number(index) < 1 || Number(index) > Number(total)) {
    throw new ConfigurationError(
      `CI_NODE_INDEX is "${index}"; expected a whole number from 1 to CI_NODE_TOTAL (${Number(total)})`,
    )
  }
  return { index: Number(index), total: Number(total) }
}

/**
 * The folder a shard's reports go to, under the reports directory.
 *
 * @example
 *   shardFolder({ index: 2, total: 4 }) // 'shard-2-of-4'
 */
export function shardFolder(shard: Shard): string {
  return `shard-${shard.index}-of-${shard.total}`
}
