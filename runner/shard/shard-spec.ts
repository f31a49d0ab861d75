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
 * Parses `--shard i/n` (or `source`'s value, e.g. PARLANCE_SHARD's), 1 ≤ i ≤ n; anything else is a
 * ConfigurationError that quotes the value and names `source`.
 *
 * @example
 *   parseShard('2/4') // { index: 2, total: 4 }
 *   parseShard('0/4') // ConfigurationError: --shard is "0/4"; the index counts from 1: expected 1/4 … 4/4
 */
export function parseShard(text: string, source = '--shard'): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text)
  const example = (value: string): string => (source.startsWith('--') ? `${source} ${value}` : `${source}=${value}`)
  if (!match)
    throw new ConfigurationError(
      `${source} is "${text}"; expected INDEX/TOTAL with whole numbers, e.g. ${example('2/4')}`,
    )
  const index = Number(match[1])
  const total = Number(match[2])
  if (total < 1)
    throw new ConfigurationError(`${source} is "${text}"; the total must be at least 1, e.g. ${example('1/4')}`)
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
 * The folder a shard's reports go to, under the reports directory.
 *
 * @example
 *   shardFolder({ index: 2, total: 4 }) // 'shard-2-of-4'
 */
export function shardFolder(shard: Shard): string {
  return `shard-${shard.index}-of-${shard.total}`
}
