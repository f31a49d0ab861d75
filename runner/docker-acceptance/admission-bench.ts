import { availableParallelism, loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { setTimeout as sleep } from 'node:timers/promises'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { SystemCompromisedError } from '../../drivers/core/errors/system-compromised-error.ts'
import { DockerEngineClient } from '../../drivers/load-balancer/docker-daemon/index.ts'
import { type AdmissionFigures, admissionFigures, summarizeAdmission } from './admission-figures.ts'
import { admissionMet, renderAdmissionRun, renderAdmissionSummary } from './admission-report.ts'
import type { HostProbe } from './availability.ts'
import { measureAdmission } from './measure-admission.ts'
import { withPrivateDocker } from './private-docker.ts'

const name = 'bench:lb-admission'
const maxRuns = 100

/**
 * How `bench:lb-admission` runs: how many new services, where the
 * repository is, how to look at the host (a test injects one), and where to say things.
 *
 * @example
 *   const options: AdmissionBenchOptions = { runs: 20, cwd: process.cwd(), env: process.env, say: console.log }
 */
export interface AdmissionBenchOptions {
  runs: number
  cwd: string
  env: NodeJS.ProcessEnv
  say(line: string): void
  probe?: () => Promise<HostProbe>
}

/**
 * Reads `bench:lb-admission`'s arguments: `--runs N`, 1 to 100, 20 by default.
 *
 * @example
 *   parseAdmissionArgs(['--runs', '5']) // { runs: 5 }
 *   parseAdmissionArgs(['--runs', '0']) // throws ConfigurationError '… --runs takes a whole number from 1 to 100, …'
 */
export function parseAdmissionArgs(args: readonly string[]): { runs: number } {
  let values: { runs?: string }
  try {
    values = parseArgs({ args: [...args], options: { runs: { type: 'string', default: '20' } } }).values
  } catch (error) {
    throw new ConfigurationError(
      `${name}: it takes only --runs N, got ${JSON.stringify(args.join(' '))}; ` +
        'e.g. npm run bench:lb-admission -- --runs 20',
      { cause: error },
    )
  }
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1 || runs > maxRuns)
    throw new ConfigurationError(
      `${name}: --runs takes a whole number from 1 to ${maxRuns}, got ${JSON.stringify(values.runs)}; ` +
        'e.g. npm run bench:lb-admission -- --runs 20',
    )
  return { runs }
}

/**
 * Measures issue 14's item 1 on a real Docker daemon of the run's own: for
 * `runs` new single-replica services one after another, how long after its
 * app listened the load balancer first answers 200 for its Host, and
 * whether it answered 503 once the app listened. Prints each service's
 * figures and the median and max, the Docker version and the load; removes
 * everything afterwards. Returns 0 if every service answered within 300 ms
 * of listening and none answered 503 then, else 1; 0 where no daemon can be had (1 in CI).
 *
 * @example
 *   process.exitCode = await runAdmissionBench({ runs: 20, cwd: process.cwd(), env: process.env, say: console.log })
 */
export async function runAdmissionBench(options: AdmissionBenchOptions): Promise<number> {
  const { say } = options
  return withPrivateDocker({ ...options, name }, async (docker) => {
    const stop = new AbortController()
    let measuring: Promise<unknown> = Promise.resolve()
    // Stopped, the measurement removes its own container; the cleanup's removal would race it.
    docker.onInterrupt(async () => {
      stop.abort()
      await measuring.catch(() => {})
    })
    const client = new DockerEngineClient({ url: docker.dockerUrl })
    const how = { client, engine: docker.engine, lbUrl: docker.lbUrl, signal: stop.signal }
    const setting = { pollMs: 5, holdMs: 1_000, deadlineMs: 10_000, limitMs: 300 }
    // The load balancer says it listens before its first sync with the daemon, which routes what already runs:
    // a service started in between is not what item 1 is about.
    await discoverySynced(docker.adminUrl, 15_000)
    const loadBefore = loadavg()
    const figures: AdmissionFigures[] = []
    say(`${name}: ${options.runs} new single-replica services, each polled through the load balancer`)
    for (let run = 1; run <= options.runs && !stop.signal.aborted; run++) {
      const service = `svc-${String(run).padStart(3, '0')}`
      const measured = measureAdmission(service, { ...how, ...setting })
      measuring = measured
      const figure = admissionFigures(await measured)
      say(`${name}: ${renderAdmissionRun(figure)}`)
      figures.push(figure)
    }
    const summary = summarizeAdmission(figures)
    const context = { ...setting, docker: docker.version, cpus: availableParallelism(), loadBefore }
    for (const line of renderAdmissionSummary(summary, { ...context, loadAfter: loadavg() })) say(`${name}: ${line}`)
    return admissionMet(summary, setting.limitMs) ? 0 : 1
  })
}

async function discoverySynced(adminUrl: string, deadlineMs: number): Promise<void> {
  const began = Date.now()
  let last = 'no answer'
  while (Date.now() - began < deadlineMs) {
    try {
      const answer = await fetch(`${adminUrl}/_lb/status`, { signal: AbortSignal.timeout(2_000) })
      const status = (await answer.json()) as { discovery?: { connected?: boolean; lastError?: string } }
      if (status.discovery?.connected === true) return
      last = status.discovery?.lastError ?? 'not connected yet'
    } catch (error) {
      last = (error as Error).message
    }
    await sleep(50)
  }
  throw new SystemCompromisedError(
    `the load balancer's discovery did not sync with the daemon within ${deadlineMs / 1000} s (${last}); ` +
      `see ${adminUrl}/_lb/status`,
  )
}
