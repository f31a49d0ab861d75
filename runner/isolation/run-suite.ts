import { execFileSync, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { SystemCompromisedError } from '../../drivers/core/errors/system-compromised-error.ts'
import { isGroupAlive, signalGroup, waitUntil } from '../../drivers/core/process-group.ts'
import { registerGroup, unregisterGroup } from '../../drivers/core/process-registry.ts'

const parlanceBin = fileURLToPath(new URL('../bin/parlance.mjs', import.meta.url))
// A runner that has exited may leave a worker ending for a moment; past this it is left behind.
const leftoverGraceMs = 3_000
// parlance run's own Ctrl-C cleanup gives up after 15 s.
const interruptGraceMs = 20_000

/**
 * How one `parlance run` of the check ended.
 *
 * @example
 *   const ended: SuiteRun = {
 *     pid: 4120,
 *     code: 0,
 *     signal: null,
 *     timedOut: false,
 *     ms: 61_200,
 *     tally: 'scenarios: 40 passed, 0 failed',
 *     leftovers: [],
 *   }
 */
export interface SuiteRun {
  pid: number
  code: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  ms: number
  /** Its last `scenarios: N passed, N failed` line, if it printed one. */
  tally: string | undefined
  /** Processes of its group still alive after it exited, as `pid N (command)`; they were killed. */
  leftovers: string[]
}

/**
 * A `parlance run` in progress: `done` resolves when it has exited and its
 * process group is empty; `interrupt()` is Ctrl-C for it.
 *
 * @example
 *   const running = startSuiteRun(['run', '--env', 'remote'], {
 *     cwd: process.cwd(),
 *     env: process.env,
 *     timeoutMs: 600_000,
 *   })
 *   const ended = await running.done
 */
export interface RunningSuite {
  readonly pid: number
  readonly done: Promise<SuiteRun>
  /** SIGINT to the runner (it stops its workers), SIGKILL to its group if it has not ended within 20 s. */
  interrupt(): Promise<void>
}

/**
 * Starts `node runner/bin/parlance.mjs ARGS` in its own process group, its
 * output passed through to this process's. Past `timeoutMs` it is interrupted
 * like Ctrl-C, then killed; if this process exits first, its group is killed.
 *
 * @example
 *   const { done } = startSuiteRun(['run', '--channels', 'api', '--env', 'remote'], {
 *     cwd: '/work/parlance',
 *     env: process.env,
 *     timeoutMs: 60_000,
 *   })
 *   const { code } = await done // 0
 */
export function startSuiteRun(
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): RunningSuite {
  const began = Date.now()
  const child = spawn(process.execPath, [parlanceBin, ...args], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const pid = child.pid
  if (pid === undefined)
    throw new SystemCompromisedError(
      `could not start ${process.execPath} ${parlanceBin}: the system gave it no process id; is the machine ` +
        `out of processes or memory?`,
    )
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  let timedOut = false
  let interrupting: Promise<void> | undefined
  const interrupt = (): Promise<void> =>
    (interrupting ??= (async () => {
      signalGroup(pid, 'SIGINT')
      if (!(await waitUntil(() => !isGroupAlive(pid), interruptGraceMs))) signalGroup(pid, 'SIGKILL')
      await exited
    })())
  registerGroup(pid, { stop: interrupt })
  let tally: string | undefined
  let partial = ''
  child.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk)
    const lines = (partial + chunk.toString('utf8')).split('\n')
    partial = lines.pop() ?? ''
    tally = lines.findLast((line) => line.startsWith('scenarios: ')) ?? tally
  })
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk))
  const timer = setTimeout(() => {
    timedOut = true
    void interrupt()
  }, options.timeoutMs)

  const done = (async (): Promise<SuiteRun> => {
    const { code, signal } = await exited
    clearTimeout(timer)
    const ms = Date.now() - began
    await waitUntil(() => !isGroupAlive(pid), leftoverGraceMs)
    const leftovers = isGroupAlive(pid) ? groupMembers(pid) : []
    if (leftovers.length > 0) signalGroup(pid, 'SIGKILL')
    await waitUntil(() => !isGroupAlive(pid), leftoverGraceMs)
    unregisterGroup(pid)
    return { pid, code, signal, timedOut, ms, tally, leftovers }
  })()
  return { pid, done, interrupt }
}

/** The members of a process group, each as `pid (command line)`; empty where `ps` is missing. */
function groupMembers(pgid: number): string[] {
  let table: string
  try {
    table = execFileSync('ps', ['-A', '-o', 'pid=,pgid=,stat=,args='], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5_000,
    })
  } catch {
    return [`process group ${pgid}`]
  }
  return table.split('\n').flatMap((line) => {
    const [pid, group, stat, ...command] = line.trim().split(/\s+/)
    return Number(group) === pgid && !stat?.startsWith('Z') ? [`pid ${pid} (${command.join(' ').slice(0, 120)})`] : []
  })
}
