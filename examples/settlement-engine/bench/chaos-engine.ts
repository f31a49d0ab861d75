import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const mainFile = fileURLToPath(new URL('../main.ts', import.meta.url))

/**
 * The engine under `chaos:settlement`: one process at a time on one data
 * directory, killed with SIGKILL and started again. Each start is a new
 * generation; a client whose request failed waits for the next one.
 *
 * @example
 *   const engine = new ChaosEngine('/tmp/chaos-data')
 *   await engine.start()
 *   await engine.kill()
 *   const url = await engine.startedAfter(1) // undefined once engine.retire() is called
 */
export class ChaosEngine {
  private child: ChildProcess | undefined
  private current: { generation: number; url: string } | undefined
  private waiters: Array<() => void> = []
  private count = 0
  private retired = false
  /** What each start printed before it listened, for the report and for a start that fails. */
  readonly startOutputs: string[] = []

  constructor(
    private readonly dataDir: string,
    private readonly startTimeoutMs = 60_000,
  ) {}

  /** The running engine's generation (1 for the first start), or 0 while it is down. */
  get generation(): number {
    return this.current?.generation ?? 0
  }

  /** The running engine's base URL; throws while it is down. */
  get url(): string {
    if (this.current === undefined) throw new Error('the settlement engine is down')
    return this.current.url
  }

  /** Starts the engine on the data directory and resolves with its URL once it listens. */
  async start(): Promise<string> {
    const child = spawn(process.execPath, ['--import', 'tsx', mainFile, '--port', '0', '--data-dir', this.dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.child = child
    const url = await new Promise<string>((resolve, reject) => {
      let output = ''
      const timer = setTimeout(
        () => fail(`it did not listen within ${this.startTimeoutMs / 1000} s`),
        this.startTimeoutMs,
      )
      const fail = (why: string): void => {
        clearTimeout(timer)
        child.kill('SIGKILL')
        reject(new Error(`the settlement engine did not start: ${why}. Its output:\n${output.trimEnd()}`))
      }
      const onData = (chunk: Buffer): void => {
        output += chunk.toString()
        const match = /listening on (http:\/\/\S+)/.exec(output)
        if (match === null) return
        clearTimeout(timer)
        child.off('exit', onExit)
        this.startOutputs.push(output.slice(0, match.index).trimEnd())
        resolve(match[1]!)
      }
      const onExit = (code: number | null, signal: string | null): void => fail(`it exited (${signal ?? code})`)
      child.stdout!.on('data', onData)
      child.stderr!.on('data', onData)
      child.once('exit', onExit)
    })
    this.current = { generation: ++this.count, url }
    for (const wake of this.waiters.splice(0)) wake()
    return url
  }

  /** kill -9, and resolves once the process is gone. */
  async kill(): Promise<void> {
    const child = this.child
    this.current = undefined
    this.child = undefined
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return
    const gone = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGKILL')
    await gone
  }

  /**
   * Resolves with the URL of an engine started after `generation`, waiting
   * for it if need be, or with undefined once no more starts will come.
   */
  async startedAfter(generation: number): Promise<string | undefined> {
    while (!this.retired && (this.current === undefined || this.current.generation <= generation))
      await new Promise<void>((resolve) => this.waiters.push(resolve))
    return this.retired ? undefined : this.current!.url
  }

  /** No more restarts: whoever waits for one is told so. */
  retire(): void {
    this.retired = true
    for (const wake of this.waiters.splice(0)) wake()
  }

  /** Sends SIGKILL at once, without waiting: for exits and signals. */
  killNow(): void {
    this.child?.kill('SIGKILL')
  }
}
