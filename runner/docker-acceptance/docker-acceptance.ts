import { startSuiteRun, type RunningSuite } from '../isolation/run-suite.ts'
import type { HostProbe } from './availability.ts'
import { withPrivateDocker } from './private-docker.ts'

/**
 * How `acceptance:docker` runs: where the repository is, how to look at the
 * host (a test injects one), extra `parlance run` arguments, and where to say things.
 *
 * @example
 *   const options: DockerAcceptanceOptions = { cwd: process.cwd(), env: process.env, say: console.log }
 */
export interface DockerAcceptanceOptions {
  cwd: string
  env: NodeJS.ProcessEnv
  say(line: string): void
  probe?: () => Promise<HostProbe>
  /** Added to `parlance run --domain load-balancer --env remote`, e.g. `['--name', 'crash']`. */
  runArgs?: readonly string[]
  /** The whole spec run's limit; default 20 minutes. */
  suiteTimeoutMs?: number
}

const prefix = 'acceptance:docker'

/**
 * Runs every load-balancer spec against a real Docker daemon of the run's
 * own, then removes everything it started; returns the exit code. Where no
 * daemon can be had it says why and returns 0, or 1 in CI.
 *
 * @example
 *   process.exitCode = await runDockerAcceptance({ cwd: process.cwd(), env: process.env, say: console.log })
 */
export async function runDockerAcceptance(options: DockerAcceptanceOptions): Promise<number> {
  const { say } = options
  return withPrivateDocker({ ...options, name: prefix }, async (docker) => {
    let suite: RunningSuite | undefined
    docker.onInterrupt(async () => await suite?.interrupt())
    const args = ['run', '--domain', 'load-balancer', '--env', 'remote', ...(options.runArgs ?? [])]
    say(`${prefix}: parlance ${args.join(' ')}`)
    const env = { DOCKER_URL: docker.dockerUrl, LB_URL: docker.lbUrl, LB_ADMIN_URL: docker.adminUrl }
    suite = startSuiteRun(args, {
      cwd: options.cwd,
      env: { ...options.env, ...env },
      timeoutMs: options.suiteTimeoutMs ?? 20 * 60_000,
    })
    const ended = await suite.done
    const lastLines = docker.balancer.lastLines(30)
    if (ended.code !== 0 && lastLines.length > 0)
      say(`${prefix}: the load balancer's last lines:\n${lastLines.join('\n')}`)
    const outcome = ended.timedOut ? `timed out after ${Math.round(ended.ms / 1000)} s` : `exit ${ended.code}`
    say(`${prefix}: specs ${outcome}; ${ended.tally ?? 'no tally printed'}`)
    return ended.code === 0 && !ended.timedOut ? 0 : 1
  })
}
