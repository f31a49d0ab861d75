import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isGroupAlive, isProcessAlive, waitUntil } from '../../drivers/core/process-group.ts'

const bin = fileURLToPath(new URL('../bin/parlance.mjs', import.meta.url))

/**
 * The directory of a fixture project under runner/test/fixtures/.
 *
 * @example
 *   new ParlanceCli(fixture('shop'))
 *   fixture('shop') // '/work/main/runner/test/fixtures/shop/'
 */
export const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}/`, import.meta.url))

/**
 * How a `parlance` run ended, with everything it printed.
 *
 * @example
 *   declare const cli: ParlanceCli
 *   const { code, stdout } = await cli.run(['run', '--channels', 'api'])
 */
export interface CliResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/**
 * Runs the real `parlance` bin as a child process in a fixture project, with
 * a fresh state directory (the fixture system and steps write there) and
 * reports directory; every run is killed after `timeoutMs` so none can hang.
 *
 * @example
 *   const cli = new ParlanceCli(fixture('shop'))
 *   const result = await cli.run(['run'], { env: { SHOP_URL: 'http://127.0.0.1:40123' } })
 *   cli.cleanup() // in afterEach: kills any survivor, removes the state directory
 */
export class ParlanceCli {
  readonly stateDir = mkdtempSync(join(tmpdir(), 'parlance-cli-'))
  readonly reportsDir = join(this.stateDir, 'reports')
  private readonly children: ChildProcess[] = []

  constructor(readonly cwd: string) {}

  /** Starts the bin; `done` resolves when it has exited. */
  start(
    args: string[],
    options: { env?: Record<string, string | undefined>; timeoutMs?: number } = {},
  ): { child: ChildProcess; done: Promise<CliResult> } {
    const env: Record<string, string | undefined> = {
      ...process.env,
      FIXTURE_STATE_DIR: this.stateDir,
      FORCE_COLOR: '0',
      NO_COLOR: '1',
      ...options.env,
    }
    for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name]
    // Its own process group: whatever the runner forks (workers, tsx's esbuild) stays in it, so leftovers() can find
    // orphans.
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: this.cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    this.children.push(child)
    let stdout = ''
    let stderr = ''
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    // Under the 60 s the tests allow, and far above a run's few seconds: a busy machine slowed runs to 11 s in one
    // suite run.
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 50_000)
    const done = new Promise<CliResult>((resolve) => {
      child.once('exit', (code, signal) => {
        clearTimeout(timer)
        // An orphan holding the pipes open must not hang the test: wait for the output briefly, not for 'close'.
        const finish = (): void => resolve({ code, signal, stdout, stderr })
        const drain = setTimeout(finish, 1_000)
        child.once('close', () => {
          clearTimeout(drain)
          finish()
        })
      })
    })
    return { child, done }
  }

  /** Runs the bin to the end. */
  run(
    args: string[],
    options: { env?: Record<string, string | undefined>; timeoutMs?: number } = {},
  ): Promise<CliResult> {
    return this.start(args, options).done
  }

  /** The pids the fixture system wrote, one per start. */
  systemPids(): number[] {
    return this.lines('system-starts.log').map(Number)
  }

  /** What each step that called the shop saw: channel, run id, pid and SHOP_URL. */
  stepCalls(): { channel: string; runId: string; pid: number; url: string }[] {
    return this.lines('steps.log').map((line) => {
      const [channel = '', runId = '', pid = '', url = ''] = line.split(' ')
      return { channel, runId, pid: Number(pid), url }
    })
  }

  /** The pids of the processes running the never-ending @slow step. */
  waitingPids(): number[] {
    return readdirSync(this.stateDir)
      .filter((file) => file.startsWith('waiting-'))
      .map((file) => Number(file.slice('waiting-'.length)))
  }

  /** Waits until `check` holds, polling, for at most `timeoutMs`. */
  async waitFor(check: () => boolean, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms in vain for ${check.toString()}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  /** The pids of `pids` still alive (zombies do not count). */
  alive(pids: readonly number[]): number[] {
    return pids.filter((pid) => isProcessAlive(pid))
  }

  /**
   * What the runs left behind, after a moment's grace: live system, worker and
   * step processes, and live members of each runner's process group.
   */
  async leftovers(): Promise<string[]> {
    const pids = (): number[] =>
      this.alive([
        ...new Set([...this.systemPids(), ...this.waitingPids(), ...this.stepCalls().map((call) => call.pid)]),
      ])
    const groups = (): number[] =>
      this.children.flatMap((child) => (child.pid !== undefined && isGroupAlive(child.pid) ? [child.pid] : []))
    await waitUntil(() => pids().length === 0 && groups().length === 0, 3_000)
    return [
      ...pids().map((pid) => `process ${pid}`),
      ...groups().map((pgid) => `a process in the runner's group ${pgid}`),
    ]
  }

  /** Kills every process a test left behind (so a failing test cannot leak) and removes the state directory. */
  cleanup(): void {
    for (const pid of new Set([
      ...this.systemPids(),
      ...this.waitingPids(),
      ...this.stepCalls().map((call) => call.pid),
    ])) {
      if (isProcessAlive(pid) && isFixtureProcess(pid)) process.kill(pid, 'SIGKILL')
    }
    for (const child of this.children)
      if (child.pid !== undefined && isGroupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL')
    rmSync(this.stateDir, { recursive: true, force: true })
  }

  private lines(file: string): string[] {
    const path = join(this.stateDir, file)
    return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : []
  }
}

/**
 * Whether a pid still belongs to a fixture system, a cucumber worker or the runner, not to a process that reused it.
 */
function isFixtureProcess(pid: number): boolean {
  if (process.platform !== 'linux') return true
  try {
    return /server\.mjs|run_worker\.js|parlance\.mjs/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))
  } catch {
    return false
  }
}

/**
 * The summary table and what follows it, up to the verdict, with timings made
 * stable: what the tests compare line by line.
 *
 * @example
 *   declare const result: CliResult
 *   summaryOf(result.stdout)
 *   // → ['Scenario   api   ui', 'Checkout', …, 'Time      api X.X s · ui X.X s', 'Result    passed: 4 passed']
 */
export function summaryOf(stdout: string): string[] {
  const lines = stdout.replace(/\d+\.\d s\b/g, 'X.X s').split('\n')
  const start = lines.findIndex((line) => line.startsWith('Scenario'))
  const end = lines.findIndex((line) => line.startsWith('Result'))
  return start < 0 || end < 0 ? [`no summary in:\n${stdout}`] : lines.slice(start, end + 1)
}
