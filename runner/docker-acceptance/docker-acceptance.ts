import { spawn } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { superviseProcess } from '../../drivers/core/process-supervisor.ts'
import { balancerProcessSpec } from '../../drivers/load-balancer/stack/stack-commands.ts'
import { onAbort } from '../command/abort.ts'
import { startSuiteRun, type RunningSuite } from '../isolation/run-suite.ts'
import { type HostProbe, isCi, packagesToInstall, whyNoDaemon } from './availability.ts'
import { assembleRootfs, backendImage, baseImage, writeBackendContext } from './base-image.ts'
import { cleanUp, type Started } from './cleanup.ts'
import { daemonPaths, dockerdArgs } from './dockerd-command.ts'
import { EngineRequests } from './engine-requests.ts'
import { hostPath, listRules, probeHost, runHost, which } from './host.ts'
import { chainPolicy } from './iptables-cleanup.ts'

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
  const began = Date.now()
  const unavailable = (why: string): number => {
    if (isCi(options.env)) {
      say(`${prefix}: FAILED — no Docker daemon can be had here, and CI needs one: ${why}`)
      return 1
    }
    say(`${prefix}: skipped — no Docker daemon can be had here: ${why}`)
    return 0
  }
  const why = whyNoDaemon(await (options.probe ?? probeHost)())
  if (why !== undefined) return unavailable(why)
  const missing = packagesToInstall((command) => which(command) !== undefined)
  if (missing.length > 0) {
    try {
      await step(say, `installing ${missing.join(', ')} with apt-get`, async () => {
        await runHost('apt-get', ['update', '-qq'], 300_000)
        await runHost('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], 600_000)
      })
    } catch (error) {
      return unavailable(`apt-get could not install ${missing.join(', ')}: ${(error as Error).message}`)
    }
  }

  const paths = daemonPaths(await mkdtemp(join(tmpdir(), 'parlance-docker-')))
  const started: Started = { paths, forwardPolicy: chainPolicy(await listRules('filter'), 'FORWARD') }
  let suite: RunningSuite | undefined
  let cleaning: Promise<string[]> | undefined
  const cleanUpOnce = (): Promise<string[]> =>
    (cleaning ??= step(say, `removing the containers, the daemon, its iptables chains, docker0 and ${paths.root}`, () =>
      cleanUp(started, say),
    ).then((left) => (reportLeftovers(say, left), left)))
  const guard = onAbort({
    cleanup: async () => {
      await suite?.interrupt()
      await cleanUpOnce()
    },
    hardStop: () => void started.dockerd?.kill(),
    deadlineMs: 120_000,
  })
  try {
    const port = await freePort()
    const dockerUrl = `tcp://127.0.0.1:${port}`
    try {
      await step(say, `starting dockerd on ${dockerUrl}, state in ${paths.root}`, async () => {
        started.dockerd = superviseProcess({
          name: 'dockerd',
          command: which('dockerd') ?? 'dockerd',
          args: dockerdArgs(paths, port),
          env: { PATH: hostPath() },
          ready: { url: `http://127.0.0.1:${port}/_ping` },
          readyTimeoutMs: 60_000,
          stopTimeoutMs: 30_000,
          logLines: 40,
        })
        await started.dockerd.start()
      })
    } catch (error) {
      return unavailable(`dockerd did not start: ${(error as Error).message}`)
    }
    const engine = new EngineRequests(paths.socket)
    started.engine = engine
    const version = await engine.version()
    say(`${prefix}: Docker ${version.Version}, API ${version.ApiVersion}`)
    await step(say, `building ${baseImage} from this host's node and busybox`, async () => {
      const rootfs = join(paths.root, 'rootfs')
      await assembleRootfs(rootfs, { node: process.execPath, busybox: which('busybox') ?? 'busybox' })
      await engine.importImage(tarOf(rootfs), baseImage, ['ENV PATH=/usr/local/bin:/bin', 'WORKDIR /'])
    })
    await step(say, `building ${backendImage}`, async () => {
      const context = join(paths.root, 'backend-context')
      const daemonDir = join(options.cwd, 'drivers/load-balancer/docker-daemon')
      await writeBackendContext(context, {
        dockerfile: join(daemonDir, 'backend.Dockerfile'),
        server: join(daemonDir, 'backend-server.mjs'),
      })
      await engine.build(tarOf(context), backendImage)
    })
    const balancer = superviseProcess(
      balancerProcessSpec({ name: 'load-balancer', dockerHost: dockerUrl, strategy: 'round-robin' }),
    )
    started.balancer = balancer
    const ready = await step(say, 'starting the load balancer against it', () => balancer.start())
    const lbUrl = ready.address ?? ''
    const adminUrl = ready.groups?.['admin'] ?? ''
    say(`${prefix}: load balancer ${lbUrl}, admin ${adminUrl}`)
    const args = ['run', '--domain', 'load-balancer', '--env', 'remote', ...(options.runArgs ?? [])]
    say(`${prefix}: parlance ${args.join(' ')}`)
    suite = startSuiteRun(args, {
      cwd: options.cwd,
      env: { ...options.env, DOCKER_URL: dockerUrl, LB_URL: lbUrl, LB_ADMIN_URL: adminUrl },
      timeoutMs: options.suiteTimeoutMs ?? 20 * 60_000,
    })
    const ended = await suite.done
    const lastLines = balancer.lastLines(30)
    if (ended.code !== 0 && lastLines.length > 0)
      say(`${prefix}: the load balancer's last lines:\n${lastLines.join('\n')}`)
    const outcome = ended.timedOut ? `timed out after ${Math.round(ended.ms / 1000)} s` : `exit ${ended.code}`
    say(`${prefix}: specs ${outcome}; ${ended.tally ?? 'no tally printed'}`)
    return ended.code === 0 && !ended.timedOut ? 0 : 1
  } catch (error) {
    say(`${prefix}: FAILED — ${(error as Error).message}`)
    if (started.dockerd !== undefined)
      say(`${prefix}: dockerd's last lines:\n${started.dockerd.lastLines().join('\n')}`)
    return 1
  } finally {
    const left = await cleanUpOnce()
    if (!guard.aborting) guard.release()
    say(`${prefix}: done in ${Math.round((Date.now() - began) / 1000)} s`)
    if (left.length > 0) process.exitCode = 1
  }
}

// Each step says what it does, and a failure names the step.
async function step<T>(say: (line: string) => void, what: string, act: () => Promise<T>): Promise<T> {
  const began = Date.now()
  say(`${prefix}: ${what}…`)
  try {
    const result = await act()
    say(`${prefix}:   done in ${((Date.now() - began) / 1000).toFixed(1)} s`)
    return result
  } catch (error) {
    throw new Error(`${what}: ${(error as Error).message}`, { cause: error })
  }
}

function reportLeftovers(say: (line: string) => void, left: readonly string[]): void {
  if (left.length === 0)
    say(`${prefix}: cleanup verified — no daemon, containerd, docker0, Docker chains or state left`)
  else say(`${prefix}: cleanup left these behind; remove them by hand:\n  ${left.join('\n  ')}`)
}

function tarOf(dir: string) {
  const tar = spawn('tar', ['-C', dir, '-c', '.'], { stdio: ['ignore', 'pipe', 'inherit'] })
  return tar.stdout
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0))
    })
  })
}
