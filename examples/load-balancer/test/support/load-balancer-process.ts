// The real program, spawned with node --import tsx from the repository root.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'

const repoRoot = resolve(import.meta.dirname, '../../../..')
const mainPath = 'examples/load-balancer/main.ts'

/** A started program: its addresses, its output so far, and how to stop it. */
export interface LoadBalancerProcess {
  readonly child: ChildProcess
  readonly proxy: string
  readonly admin: string
  stdout(): string
  stderr(): string
  /** Settles with the exit code once the program has exited. */
  readonly exited: Promise<number | null>
}

/**
 * Spawns the program with `args` (and `env` added to this process's) and waits for its two address lines.
 *
 * @example
 *   import { get } from './http-get.ts'
 *   const lb = await spawnLoadBalancer([
 *     '--port',
 *     '0',
 *     '--admin-port',
 *     '0',
 *     '--docker-host',
 *     'unix:///tmp/docker.sock',
 *   ])
 *   await get(`${lb.admin}/_lb/status`)
 */
export async function spawnLoadBalancer(
  args: string[],
  env: Record<string, string> = {},
): Promise<LoadBalancerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', mainPath, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
  const { proxy, admin } = await waitForAddresses(
    child,
    () => out,
    () => err,
  )
  return { child, proxy, admin, stdout: () => out, stderr: () => err, exited }
}

/** The usual flags: free ports, this daemon, plus `extra`. */
export function loadBalancerArgs(dockerHost: string | undefined, extra: string[] = []): string[] {
  return [
    '--port',
    '0',
    '--admin-port',
    '0',
    ...(dockerHost === undefined ? [] : ['--docker-host', dockerHost]),
    ...extra,
  ]
}

/**
 * Runs the program to completion (for option errors and --help), with `env` replacing DOCKER_HOST and friends.
 *
 * @example
 *   runLoadBalancer(['--help']).status // 0
 */
export function runLoadBalancer(
  args: string[],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', mainPath, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 15_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Resolves with the proxy and admin URLs once both lines are printed; rejects on exit or after 10 s. */
export function waitForAddresses(
  child: ChildProcess,
  stdout: () => string,
  stderr: () => string,
): Promise<{ proxy: string; admin: string }> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.stdout!.off('data', check)
      reject(new Error(`no address lines within 10 s; stdout: ${stdout()} stderr: ${stderr()}`))
    }, 10_000)
    const onExit = (code: number | null) =>
      reject(new Error(`exited ${code} before its address lines; stderr: ${stderr()}`))
    function check(): void {
      const proxy = /load balancer listening on (http:\/\/\S+)/.exec(stdout())?.[1]
      const admin = /load balancer admin on (http:\/\/\S+)/.exec(stdout())?.[1]
      if (proxy === undefined || admin === undefined) return
      clearTimeout(timer)
      child.stdout!.off('data', check)
      child.off('exit', onExit)
      resolvePromise({ proxy, admin })
    }
    child.stdout!.on('data', check)
    child.once('exit', onExit)
  })
}

/** Sends `signal` and waits for the exit code. */
export async function stopLoadBalancer(
  lb: LoadBalancerProcess,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<number | null> {
  lb.child.kill(signal)
  return lb.exited
}
