import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import type { DriverContext, ScenarioEnd } from '../../core/driver-context.ts'
import { ConfigurationError } from '../../core/errors/configuration-error.ts'
import { SystemCompromisedError } from '../../core/errors/system-compromised-error.ts'
import { maskSecrets } from '../../core/mask-secrets.ts'
import { describeExit } from '../../core/process-messages.ts'
import { superviseProcess, type SupervisedProcess } from '../../core/process-supervisor.ts'
import { engineProcessSpec } from './engine-command.ts'

// Another process may hold the port for a moment after the crash (a socket that happened to get it); past this, give
// up.
const portRetryMs = 10_000
const portRetryIntervalMs = 100
const processName = 'settlement-engine (private)'

/**
 * A settlement engine of one scenario's own, for faults: the scenario's
 * channel drivers point at `url`, and it survives `crash()` + `restart()`.
 *
 * @example
 *   declare const ctx: DriverContext
 *   const engine = await startPrivateEngine(ctx)
 *   await engine.crash(); await engine.restart() // same url, same data
 */
export interface PrivateEngine {
  /** The engine's address, e.g. `http://127.0.0.1:40123`; the same after a restart. */
  readonly url: string
  /** `kill -9` to the engine's process group, whatever it is doing; resolves once all of it is gone. */
  crash(): Promise<void>
  /**
   * Starts it again on the same data directory and the same port (stopping it first if it runs); resolves once ready.
   */
  restart(): Promise<void>
}

/**
 * Starts a settlement engine for this scenario on a fresh data directory and
 * a free port, and waits until it is ready. When the scenario ends it is
 * stopped and its data directory removed; on failure its log is attached.
 *
 * @example
 *   import { settlementChannels } from '../channels.ts'
 *   declare const ctx: DriverContext
 *   const engine = await startPrivateEngine(ctx)
 *   const driver = settlementChannels.create({
 *     ...ctx,
 *     systemUrl: (name) => (name === 'SETTLEMENT_URL' ? engine.url : ctx.systemUrl(name)),
 *   })
 */
export function startPrivateEngine(ctx: DriverContext): Promise<PrivateEngine> {
  return PrivateSettlementEngine.start(ctx)
}

/**
 * The PrivateEngine of `startPrivateEngine`, with what tests of it look at:
 * the pid (its process group) and the data directory.
 *
 * @example
 *   declare const ctx: DriverContext
 *   const engine = await PrivateSettlementEngine.start(ctx)
 *   engine.pid // 41230, undefined after crash()
 */
export class PrivateSettlementEngine implements PrivateEngine {
  private readonly earlierLogs: string[] = []
  private starts = 1
  private expectingExit = false
  private lastExit = 'has not exited'

  private constructor(
    private readonly ctx: DriverContext,
    readonly dataDir: string,
    readonly url: string,
    private engine: SupervisedProcess,
  ) {
    this.watch(engine)
  }

  /** Starts one, tracked by `ctx` for the end of the scenario. */
  static async start(ctx: DriverContext): Promise<PrivateSettlementEngine> {
    const dataDir = mkdtempSync(join(tmpdir(), 'parlance-engine-'))
    const engine = superviseProcess(engineProcessSpec({ name: processName, port: 0, dataDir }))
    let url: string
    try {
      url = (await engine.start()).address ?? ''
    } catch (error) {
      rmSync(dataDir, { recursive: true, force: true })
      throw error
    }
    const started = new PrivateSettlementEngine(ctx, dataDir, url, engine)
    ctx.track({ dispose: (end) => started.dispose(end) })
    ctx.log(maskSecrets(`private settlement engine started at ${url} (pid ${engine.pid}, data directory ${dataDir})`))
    return started
  }

  /** The engine's pid, also its process group id, while it runs. */
  get pid(): number | undefined {
    return this.engine.pid
  }

  async crash(): Promise<void> {
    const pid = this.engine.pid
    if (pid === undefined) {
      throw new ConfigurationError(
        `crash: the private settlement engine at ${this.url} is not running (it ${this.lastExit}); restart() ` +
          `it before crashing it again`,
      )
    }
    await this.expectExit(() => this.engine.kill())
    this.ctx.log(`private settlement engine crashed: kill -9 to process group ${pid}`)
  }

  async restart(): Promise<void> {
    if (this.engine.running) await this.expectExit(() => this.engine.stop())
    const port = Number(new URL(this.url).port)
    const deadline = Date.now() + portRetryMs
    for (;;) {
      this.replace(superviseProcess(engineProcessSpec({ name: processName, port, dataDir: this.dataDir })))
      try {
        const { address } = await this.engine.start()
        if (address === this.url) break
        await this.expectExit(() => this.engine.stop())
        throw new SystemCompromisedError(
          maskSecrets(
            `restart: the private settlement engine came back at ${address}, not at ${this.url}, where the ` +
              `scenario's drivers point. Check that SETTLEMENT_ENGINE_COMMAND passes --port on.`,
          ),
        )
      } catch (error) {
        if (!this.portTaken() || Date.now() >= deadline) throw error
        await delay(portRetryIntervalMs)
      }
    }
    this.ctx.log(
      `private settlement engine restarted at ${this.url} (pid ${this.engine.pid}, start ${this.starts}, ` +
        `replayed ${this.dataDir})`,
    )
  }

  private async dispose(end: ScenarioEnd): Promise<void> {
    try {
      await this.expectExit(() => this.engine.stop())
      if (end.failed) await end.attach(this.fullLog(), 'text/plain', 'settlement-engine.log')
    } finally {
      rmSync(this.dataDir, { recursive: true, force: true })
    }
  }

  private async expectExit(end: () => Promise<unknown>): Promise<void> {
    this.expectingExit = true
    try {
      await end()
    } finally {
      this.expectingExit = false
    }
  }

  private watch(engine: SupervisedProcess): void {
    engine.onExit((exit) => {
      this.lastExit = describeExit(exit)
      if (!this.expectingExit)
        this.ctx.log(`private settlement engine ${this.lastExit} by itself (start ${this.starts})`)
    })
  }

  /** Keeps the log of the engine so far, then makes `next` the engine. */
  private replace(next: SupervisedProcess): void {
    this.earlierLogs.push(`--- start ${this.starts} ---`, ...this.engine.lastLines())
    this.starts++
    this.engine = next
    this.watch(next)
  }

  private portTaken(): boolean {
    return this.engine.lastLines().some((line) => line.includes('EADDRINUSE'))
  }

  private fullLog(): string {
    return [...this.earlierLogs, `--- start ${this.starts} ---`, ...this.engine.lastLines()].join('\n') + '\n'
  }
}
