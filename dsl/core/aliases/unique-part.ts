import { createHash } from 'node:crypto'
import { uniqueAlphabet, type RandomSource } from './random-source.ts'

/** Random characters after the run id: 36^6 ≈ 2.2 billion per run and name. */
const uniqueLength = 6

/**
 * The unique part of a scenario-scoped real name: the run id, then random
 * characters. Random, not a counter: a counter restarts with every process,
 * so two workers, or two runs, would make the same names.
 *
 * @example
 *   import { nanoidRandom, scriptedRandom } from './random-source.ts'
 *   scenarioUnique('r7k2', nanoidRandom) // 'r7k2-x9q2bz'
 *   scenarioUnique('r7k2', scriptedRandom('x9q2bz')) // 'r7k2-x9q2bz'
 */
export function scenarioUnique(runId: string, random: RandomSource): string {
  return `${runId}-${random(uniqueLength)}`
}

/**
 * The unique part of a run-scoped real name: the run id, then a hash of the run
 * id and the spec's name. Every scenario in every worker process of the run
 * derives the same value without talking to the others.
 *
 * @example
 *   runUnique('r7k2', 'Cheltenham') // the same in every worker of run r7k2
 *   runUnique('r7k2', 'Cheltenham') !== runUnique('m4p8', 'Cheltenham') // true
 */
export function runUnique(runId: string, name: string): string {
  const digest = createHash('sha256').update(`${runId}\u0000${name}`).digest()
  let hashed = ''
  for (let i = 0; i < uniqueLength; i++) hashed += uniqueAlphabet[digest[i]! % uniqueAlphabet.length]
  return `${runId}-${hashed}`
}
