import { spawn } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findFreePort } from '../../drivers/core/free-port.ts'
import { type SupervisedProcess, superviseProcess } from '../../drivers/core/process-supervisor.ts'
import { balancerProcessSpec } from '../../drivers/load-balancer/stack/stack-commands.ts'
import { onAbort } from '../command/abort.ts'
import { type HostProbe, isCi, packagesToInstall, whyNoDaemon } from './availability.ts'
import { assembleRootfs, backendImage, baseImage, writeBackendContext } from './base-image.ts'
import { cleanUp, type Started } from './cleanup.ts'
import { daemonPaths, dockerdArgs } from './dockerd-command.ts'
import { EngineRequests } from './engine-requests.ts'
import { hostPath, probeHost, runHost, which, listRules } from './host.ts'
import { chainPolicy } from './iptables-cleanup.ts'

/**
 * How to get a private Docker daemon: where the repository is, how to look at
 * the host (a test injects one), the name each line begins with, and where to say things.
 *
 * @example
 *   const options: PrivateDockerOptions = { name: 'bench:lb-admission', cwd: '.', env: process.env, say: console.log }
 */
export interface PrivateDockerOptions {
  /** The command's name: every line said begins with it, e.g. `acceptance:docker`. */
  name: string
  cwd: string
  env: NodeJS.ProcessEnv
  say(line: string): void
  probe?: () => Promise<HostProbe>
}

/**
 * What `withPrivateDocker` hands its work: the daemon (its API on loopback,
 * its version), the offline images built on it, and a load balancer running against it.
 *
 * @example
 *   declare const docker: PrivateDocker
 *   const env = { DOCKER_URL: docker.dockerUrl, LB_URL: docker.lbUrl, LB_ADMIN_URL: docker.adminUrl }
 */
export interface PrivateDocker {
  /** The daemon's API, `tcp://127.0.0.1:PORT`. */
  dockerUrl: string
  engine: EngineRequests
  version: { Version: string; ApiVersion: string }
  lbUrl: string
  adminUrl: string
  balancer: SupervisedProcess
  /** Registers what to stop first on Ctrl-C, SIGTERM or a crash, before everything is removed. */
  onInterrupt(stop: () => Promise<void>): void
}

/**
 * Installs what is missing, starts a Docker daemon of the run's own on
 * loopback, builds `parlance/base` and `parlance/backend` on it with no
 * registry, starts the load balancer against it, runs `work`, and then
 * removes everything — also on failure, Ctrl-C or SIGTERM — and checks
 * nothing is left. Returns `work`'s exit code; where no daemon can be had it
 * says why and returns 0, or 1 in CI.
 *
 * @example
 *   process.exitCode = await withPrivateDocker(
 *     { name: 'bench:lb-admission', cwd: process.cwd(), env: process.env, say: console.log },
 *     async (docker) => (console.log(docker.version.Version), 0),
 *   )
 */
export async function withPrivateDocker(
  options: PrivateDockerOptions,
  work: (docker: PrivateDocker) => Promise<number>,
): Promise<number> {
  const { say, name } = options
  const began = Date.now()
  const unavailable = (why: string): number => {
    if (isCi(options.env)) {
      say(`${name}: FAILED — no Docker daemon can be had here, and CI needs one: ${why}`)
      return 1
    }
    say(`${name}: skipped — no Docker daemon can be had here: ${why}`)
    return 0
  }
  const step = <T>(what: string, act: () => Promise<T>): Promise<T> => stepSaid(say, name, what, act)
  const why = whyNoDaemon(await (options.probe ?? probeHost)())
  if (why !== undefined) return unavailable(why)
  const missing = packagesToInstall((command) => which(command) !== undefined)
  if (missing.length > 0) {
    try {
      await step(`installing ${missing.join(', ')} with apt-get`, async () => {
        await runHost('apt-get', ['update', '-qq'], 300_000)
        await runHost('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], 600_000)
      })
    } catch (error) {
      return unavailable(`apt-get could not install ${missing.join(', ')}: ${(error as Error).message}`)
    }
  }

  const paths = daemonPaths(await mkdtemp(join(tmpdir(), 'parlance-docker-')))
  const started: Started = { paths, forwardPolicy: chainPolicy(await listRules('filter'), 'FORWARD') }
  const interrupts: (() => Promise<void>)[] = []
  let cleaning: Promise<string[]> | undefined
  const cleanUpOnce = (): Promise<string[]> =>
    (cleaning ??= step(`removing the containers, the daemon, its iptables chains, docker0 and ${paths.root}`, () =>
      cleanUp(started, say),
    ).then((left) => (reportLeftovers(say, name, left), left)))
  const guard = onAbort({
    cleanup: async () => {
      for (const stop of interrupts) await stop()
      await cleanUpOnce()
    },
    hardStop: () => void started.dockerd?.kill(),
    deadlineMs: 120_000,
  })
  try {
    const port = await findFreePort()
    const dockerUrl = `tcp://127.0.0.1:${port}`
    try {
      await step(`starting dockerd on ${dockerUrl}, state in ${paths.root}`, async () => {
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
    say(`${name}: Docker ${version.Version}, API ${version.ApiVersion}`)
    await step(`building ${baseImage} from this host's node and busybox`, async () => {
      const rootfs = join(paths.root, 'rootfs')
      await assembleRootfs(rootfs, { node: process.execPath, busybox: which('busybox') ?? 'busybox' })
      await engine.importImage(tarOf(rootfs), baseImage, ['ENV PATH=/usr/local/bin:/bin', 'WORKDIR /'])
    })
    await step(`building ${backendImage}`, async () => {
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
    const ready = await step('starting the load balancer against it', () => balancer.start())
    const lbUrl = ready.address ?? ''
    const adminUrl = ready.groups?.['admin'] ?? ''
    say(`${name}: load balancer ${lbUrl}, admin ${adminUrl}`)
    const onInterrupt = (stop: () => Promise<void>): void => void interrupts.push(stop)
    return await work({ dockerUrl, engine, version, lbUrl, adminUrl, balancer, onInterrupt })
  } catch (error) {
    say(`${name}: FAILED — ${(error as Error).message}`)
    if (started.dockerd !== undefined) say(`${name}: dockerd's last lines:\n${started.dockerd.lastLines().join('\n')}`)
    return 1
  } finally {
    const left = await cleanUpOnce()
    if (!guard.aborting) guard.release()
    say(`${name}: done in ${Math.round((Date.now() - began) / 1000)} s`)
    if (left.length > 0) process.exitCode = 1
  }
}

// Each step says what it does, and a failure names the step.
async function stepSaid<T>(say: (line: string) => void, name: string, what: string, act: () => Promise<T>): Promise<T> {
  const began = Date.now()
  say(`${name}: ${what}…`)
  try {
    const result = await act()
    say(`${name}:   done in ${((Date.now() - began) / 1000).toFixed(1)} s`)
    return result
  } catch (error) {
    throw new Error(`${what}: ${(error as Error).message}`, { cause: error })
  }
}

function reportLeftovers(say: (line: string) => void, name: string, left: readonly string[]): void {
  if (left.length === 0) say(`${name}: cleanup verified — no daemon, containerd, docker0, Docker chains or state left`)
  else say(`${name}: cleanup left these behind; remove them by hand:\n  ${left.join('\n  ')}`)
}

function tarOf(dir: string) {
  const tar = spawn('tar', ['-C', dir, '-c', '.'], { stdio: ['ignore', 'pipe', 'inherit'] })
  return tar.stdout
}
