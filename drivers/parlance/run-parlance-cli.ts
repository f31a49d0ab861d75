import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { signalGroup } from '../core/process-group.ts'
import { registerGroup, unregisterGroup } from '../core/process-registry.ts'

/**
 * The `parlance` command of this repository: the system under test of the parlance domain.
 *
 * @example
 *   const command = [process.execPath, parlanceBin, 'run', '--parallel', '2']
 *   parlanceBin // '/work/parlance/runner/bin/parlance.mjs'
 */
export const parlanceBin = fileURLToPath(new URL('../../runner/bin/parlance.mjs', import.meta.url))

// After the runner exits, an orphan holding its pipes open must not hold up the test.
const outputDrainMs = 1_000

/**
 * How one `parlance` command ended, with everything it printed.
 *
 * @example
 *   const ended: CliExit = {
 *     pid: 4120,
 *     code: 1,
 *     signal: null,
 *     timedOut: false,
 *     stdout: 'parlance run r7k2 …',
 *     stderr: '',
 *   }
 *   ended.timedOut // false: it exited by itself
 */
export interface CliExit {
  /** Its pid, also the id of its process group: whatever it forked stays in the group. */
  pid: number
  code: number | null
  signal: NodeJS.Signals | null
  /** Whether it was killed for running longer than its timeout. */
  timedOut: boolean
  stdout: string
  stderr: string
}

/**
 * Runs `node runner/bin/parlance.mjs ARGS` in `cwd` as a child process in its
 * own process group, without colours, and waits until it exits. Past
 * `timeoutMs` the whole group is killed; if this process exits first, so is the group.
 *
 * @example
 *   const ended = await runParlanceCli(['run', '--parallel', '2'], {
 *     cwd: '/tmp/parlance-project-x1',
 *     env: process.env,
 *     timeoutMs: 30_000,
 *   })
 *   ended.code // 0
 */
export function runParlanceCli(
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<CliExit> {
  const child = spawn(process.execPath, [parlanceBin, ...args], {
    cwd: options.cwd,
    env: { ...options.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const pid = child.pid
  if (pid === undefined) return new Promise((_, reject) => child.once('error', reject))
  const kill = (): void => void signalGroup(pid, 'SIGKILL')
  registerGroup(pid, { stop: async () => kill() })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    kill()
  }, options.timeoutMs)
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      unregisterGroup(pid)
      const finish = (): void => resolve({ pid, code, signal, timedOut, stdout, stderr })
      const drained = setTimeout(finish, outputDrainMs)
      child.once('close', () => {
        clearTimeout(drained)
        finish()
      })
    })
  })
}
