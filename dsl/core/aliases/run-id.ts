import { ConfigurationError } from '../../../drivers/core/errors/configuration-error.ts'
import { nanoidRandom, type RandomSource } from './random-source.ts'

/**
 * The variable `parlance run` sets for every worker process of one run.
 *
 * @example
 *   import { spawn } from 'node:child_process'
 *   spawn('npx', ['cucumber-js'], { env: { ...process.env, [runIdEnvName]: newRunId() } })
 *   process.env[runIdEnvName] // 'r7k2'
 */
export const runIdEnvName = 'PARLANCE_RUN_ID'

const runIdPattern = /^[a-z0-9]{3,12}$/
const newRunIdLength = 4

// Per process, never per scenario: every scenario of a worker shares its run.
let processRunId: string | undefined

/**
 * A fresh run id: four random lower-case letters and digits. The runner makes
 * one per run and hands it to every worker in `PARLANCE_RUN_ID`.
 *
 * @example
 *   newRunId() // 'r7k2'
 *   const env = { ...process.env, PARLANCE_RUN_ID: newRunId() } // for every worker
 */
export function newRunId(random: RandomSource = nanoidRandom): string {
  return random(newRunIdLength)
}

/**
 * The run id of this run: `PARLANCE_RUN_ID` when set (checked), otherwise one
 * made on first call and kept for the life of the process. A made one is also
 * written to `process.env`, so worker processes forked afterwards (plain
 * `cucumber-js --parallel`) inherit it and share run-scoped names.
 *
 * @example
 *   currentRunId() // 'r7k2'
 *   currentRunId({ PARLANCE_RUN_ID: 'ci4711' }) // 'ci4711'
 */
export function currentRunId(env: NodeJS.ProcessEnv = process.env): string {
  const given = env[runIdEnvName]
  if (given) return checkRunId(given, runIdEnvName)
  processRunId ??= newRunId()
  if (env === process.env) process.env[runIdEnvName] = processRunId
  return processRunId
}

/**
 * Returns `runId` if it is a valid run id — 3 to 12 lower-case letters and
 * digits, short because it is part of every real name — or says how to fix it.
 *
 * @example
 *   checkRunId('r7k2') // 'r7k2'
 *   checkRunId('Run_1', 'PARLANCE_RUN_ID') // throws ConfigurationError
 */
export function checkRunId(runId: string, from?: string): string {
  if (runIdPattern.test(runId)) return runId
  const source = from ? ` (from ${from})` : ''
  const unset = from ? `, or unset ${from} to let Parlance make one` : ''
  throw new ConfigurationError(
    `Invalid run id "${runId}"${source}: a run id is 3 to 12 lower-case letters and digits, such as "r7k2"${unset}.`,
  )
}
