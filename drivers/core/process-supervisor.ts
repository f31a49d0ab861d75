import { spawn, type ChildProcess } from 'node:child_process'
import { ConfigurationError } from './errors/configuration-error.ts'
import { SystemCompromisedError } from './errors/system-compromised-error.ts'
import { OutputTail } from './output-tail.ts'
import { maskSecrets } from './mask-secrets.ts'
import { isGroupAlive, signalGroup, waitUntil } from './process-group.ts'
import { describeExit, describeNotReady, validateSpec } from './process-messages.ts'
import { registerGroup, stopRegisteredGroups, unregisterGroup } from './process-registry.ts'
import type { ExitInfo, ProcessSpec, ReadyInfo, UnexpectedExit } from './process-spec.ts'
import { Duration } from './values/duration.ts'
import { waitForReady, type ReadinessProgress } from './wait-for-ready.ts'

export type { ExitInfo, ProcessSpec, ReadyInfo, UnexpectedExit } from './process-spec.ts'

// After SIGKILL only an uninterruptible kernel wait delays an exit; past this something is badly wrong.
const killWaitMs = 5000
const outputDrainMs = 1000

/**
 * A process of the system under test, in its own process group so signals
 * reach its children too. It never outlives this process: live groups are
 * SIGKILLed when this process exits.
 *
 * @example
 *   const engine = superviseProcess({
 *     name: 'engine',
 *     command: 'node',
 *     args: ['engine.mjs'],
 *     ready: { log: /listening on (\S+)/ },
 *   })
 *   const { address } = await engine.start()
 *   engine.pause()
 *   engine.resume()
 *   await engine.stop()
 */
export class SupervisedProcess {
  private child: ChildProcess | undefined
  private alive = false
  private paused = false
  private ready = false
  private starting: Promise<ReadyInfo> | undefined
  private ending: Promise<ExitInfo> | undefined
  private lastExit: ExitInfo = { code: null, signal: null }
  private readonly tail: OutputTail
  private readonly exitListeners = new Set<(info: ExitInfo) => void>()
  private readonly unexpectedExitListeners = new Set<(exit: UnexpectedExit) => void>()

  constructor(readonly spec: ProcessSpec) {
    validateSpec(spec)
    this.tail = new OutputTail(spec.logLines ?? 50)
  }

  /** The pid (also the process group id) while running. */
  get pid(): number | undefined {
    return this.alive ? this.child?.pid : undefined
  }

  get running(): boolean {
    return this.alive
  }

  /** Starts the process and waits until it is ready; while it runs, returns the same ReadyInfo. */
  async start(): Promise<ReadyInfo> {
    if (this.ending) await this.ending
    if (this.alive && this.starting) return this.starting
    this.starting = this.launch()
    return this.starting
  }

  /** SIGTERM to the group, SIGKILL after `stopTimeoutMs` if any of it is left. */
  stop(): Promise<ExitInfo> {
    this.ending ??= this.end('SIGTERM').finally(() => (this.ending = undefined))
    return this.ending
  }

  /** SIGKILL to the group at once, like `kill -9`. */
  kill(): Promise<ExitInfo> {
    if (this.ending) {
      if (this.child?.pid !== undefined) signalGroup(this.child.pid, 'SIGKILL')
      return this.ending
    }
    this.ending = this.end('SIGKILL').finally(() => (this.ending = undefined))
    return this.ending
  }

  /** Stops, then starts again and waits until ready. */
  async restart(): Promise<ReadyInfo> {
    await this.stop()
    return this.start()
  }

  /** SIGSTOP to the group: it stays alive but answers nothing until resumed. */
  pause(): void {
    signalGroup(this.requireRunning('pause'), 'SIGSTOP')
    this.paused = true
  }

  /** SIGCONT to the group. */
  resume(): void {
    signalGroup(this.requireRunning('resume'), 'SIGCONT')
    this.paused = false
  }

  /** The last `n` lines of output (default `logLines`), each prefixed `[stdout] ` or `[stderr] `, secrets masked. */
  lastLines(n?: number): string[] {
    return this.tail.last(n)
  }

  /** Calls the listener on every exit, expected or not; returns a function to unsubscribe. */
  onExit(listener: (info: ExitInfo) => void): () => void {
    this.exitListeners.add(listener)
    return () => this.exitListeners.delete(listener)
  }

  /**
   * Calls the listener when the process exits after it was ready without
   * `stop()`, `kill()` or `restart()` having asked it to: it crashed, exited by
   * itself or was killed from outside. Returns a function to unsubscribe.
   */
  onUnexpectedExit(listener: (exit: UnexpectedExit) => void): () => void {
    this.unexpectedExitListeners.add(listener)
    return () => this.unexpectedExitListeners.delete(listener)
  }

  private launch(): Promise<ReadyInfo> {
    const { spec } = this
    this.tail.clear()
    const child = spawn(spec.command, spec.args ?? [], {
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.child = child
    const pgid = child.pid
    if (pgid === undefined) return this.spawnFailure(child)
    this.alive = true
    this.paused = false
    this.ready = false
    registerGroup(pgid, this)
    this.tail.follow(child.stdout, 'stdout')
    this.tail.follow(child.stderr, 'stderr')
    const outputClosed = new Promise((resolve) => child.once('close', resolve))
    const exited = new Promise<ExitInfo>((resolve) =>
      child.once('exit', (code, signal) => {
        this.exited(pgid, { code, signal })
        resolve({ code, signal })
      }),
    )
    return this.awaitReady(pgid, exited, outputClosed)
  }

  private async awaitReady(
    pgid: number,
    exited: Promise<ExitInfo>,
    outputClosed: Promise<unknown>,
  ): Promise<ReadyInfo> {
    const timeoutMs = this.spec.readyTimeoutMs ?? 15_000
    const abort = new AbortController()
    const progress: ReadinessProgress = {}
    type Outcome =
      | { kind: 'ready'; info: ReadyInfo }
      | { kind: 'failed'; error: unknown }
      | { kind: 'exited'; exit: ExitInfo }
      | { kind: 'timeout' }
    let timer: NodeJS.Timeout | undefined
    const outcome = await Promise.race<Outcome>([
      waitForReady(this.spec.ready, this.tail, abort.signal, progress).then(
        (readiness) => ({ kind: 'ready', info: { ...readiness, pid: pgid } }),
        (error: unknown) => ({ kind: 'failed', error }),
      ),
      exited.then((exit) => ({ kind: 'exited', exit })),
      new Promise<Outcome>((resolve) => (timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs))),
    ])
    clearTimeout(timer)
    abort.abort()
    if (outcome.kind === 'ready') {
      this.ready = true
      return outcome.info
    }
    if (outcome.kind === 'exited') {
      // The last lines written before exiting may still be in the pipe.
      await Promise.race([outputClosed, new Promise((resolve) => setTimeout(resolve, outputDrainMs).unref())])
      throw new SystemCompromisedError(
        describeNotReady(this.spec, `${describeExit(outcome.exit)} before it was ready`, progress, this.tail.last()),
      )
    }
    const error =
      outcome.kind === 'failed'
        ? outcome.error
        : new SystemCompromisedError(
            describeNotReady(this.spec, `was not ready within ${Duration.ms(timeoutMs)}`, progress, this.tail.last()),
          )
    await this.stop()
    throw error
  }

  private async spawnFailure(child: ChildProcess): Promise<never> {
    const error = await new Promise<Error>((resolve) => child.once('error', resolve))
    const { name, command, cwd = process.cwd() } = this.spec
    throw new ConfigurationError(
      maskSecrets(
        `Process "${name}" could not be started: ${error.message}. Check that the command "${command}" exists ` +
          `(on the PATH) and the working directory "${cwd}" exists.`,
      ),
      { cause: error },
    )
  }

  private exited(pgid: number, exit: ExitInfo): void {
    // Exiting before it was ready fails start() instead: that error says how it ended.
    const unexpected = !this.ending && this.ready
    this.alive = false
    this.paused = false
    this.ready = false
    this.lastExit = exit
    if (!this.ending) {
      // It exited by itself: its children must not outlive it.
      signalGroup(pgid, 'SIGKILL')
      unregisterGroup(pgid)
    }
    for (const listener of [...this.exitListeners]) listener(exit)
    if (!unexpected) return
    const report: UnexpectedExit = { name: this.spec.name, pid: pgid, ...exit, at: new Date() }
    for (const listener of [...this.unexpectedExitListeners]) listener(report)
  }

  private async end(first: 'SIGTERM' | 'SIGKILL'): Promise<ExitInfo> {
    const pgid = this.child?.pid
    if (pgid === undefined || !this.alive) return this.lastExit
    const gone = (): boolean => !this.alive && !isGroupAlive(pgid)
    signalGroup(pgid, first)
    if (first === 'SIGTERM') {
      // A stopped process acts on SIGTERM only once continued.
      if (this.paused) signalGroup(pgid, 'SIGCONT')
      if (!(await waitUntil(gone, this.spec.stopTimeoutMs ?? 5000))) signalGroup(pgid, 'SIGKILL')
    }
    if (!(await waitUntil(gone, killWaitMs))) {
      throw new SystemCompromisedError(
        `Process "${this.spec.name}" (pid ${pgid}) was still there ${Duration.ms(killWaitMs)} after SIGKILL, ` +
          `probably stuck in the kernel. See it with: ps -o pid,stat,wchan,cmd -g ${pgid}`,
      )
    }
    unregisterGroup(pgid)
    return this.lastExit
  }

  private requireRunning(action: string): number {
    const pid = this.pid
    if (pid !== undefined) return pid
    const why = this.child ? `it ${describeExit(this.lastExit)}` : 'it was never started'
    throw new SystemCompromisedError(`Cannot ${action} process "${this.spec.name}": it is not running (${why}).`)
  }
}

/**
 * Makes a supervised process (not started yet); the spec is checked now.
 *
 * @example
 *   const engine = superviseProcess({
 *     name: 'engine',
 *     command: 'npm',
 *     args: ['start'],
 *     ready: { url: 'http://127.0.0.1:8080/health' },
 *   })
 *   await engine.start()
 */
export function superviseProcess(spec: ProcessSpec): SupervisedProcess {
  return new SupervisedProcess(spec)
}

/**
 * Stops every live supervised process of this process, all at once: for an
 * orderly shutdown (the runner calls it on SIGINT and SIGTERM).
 *
 * @example
 *   process.once('SIGINT', () => void stopAllProcesses().finally(() => process.exit(130)))
 *   await stopAllProcesses()
 */
export async function stopAllProcesses(): Promise<void> {
  const failures = await stopRegisteredGroups()
  if (failures.length > 0) {
    const messages = failures.map((failure) => (failure instanceof Error ? failure.message : String(failure)))
    throw new SystemCompromisedError(
      `stopAllProcesses: ${failures.length} process(es) could not be stopped: ${messages.join('; ')}`,
      {
        cause: new AggregateError(failures),
      },
    )
  }
}
