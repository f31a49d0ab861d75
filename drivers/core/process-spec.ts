import type { ReadyCheck } from './wait-for-ready.ts'

/**
 * A program to run and supervise: how to start it and how to tell it is ready.
 *
 * @example
 *   const spec: ProcessSpec = {
 *     name: 'settlement-engine',
 *     command: 'node',
 *     args: ['main.ts'],
 *     ready: { log: /listening on (http:\S+)/ },
 *   }
 *   import { superviseProcess } from './process-supervisor.ts'
 *   const engine = superviseProcess(spec)
 */
export interface ProcessSpec {
  name: string
  command: string
  args?: string[]
  cwd?: string
  /** Added to this process's environment. */
  env?: Record<string, string>
  /**
   * `log`: a matching line means ready, its first capture group is the address; `alsoLog`: lines that must
   * appear too, in any order; `url`: polled until 2xx, may use `{address}`.
   */
  ready?: ReadyCheck
  /** Default 15000. */
  readyTimeoutMs?: number
  /** SIGTERM grace before SIGKILL; default 5000. */
  stopTimeoutMs?: number
  /** Output lines kept for error messages; default 50. */
  logLines?: number
}

/**
 * A started process, ready: its pid and what readiness found.
 *
 * @example
 *   declare const engine: import('./process-supervisor.ts').SupervisedProcess
 *   const { address, pid } = await engine.start()
 *   address // 'http://127.0.0.1:41234'
 */
export interface ReadyInfo {
  address?: string
  match?: RegExpMatchArray
  /** The named capture groups of the ready lines, e.g. `{ admin: 'http://127.0.0.1:41235' }`. */
  groups?: Record<string, string>
  pid: number
}

/**
 * How a process ended: its exit code, or the signal that ended it.
 *
 * @example
 *   declare const engine: import('./process-supervisor.ts').SupervisedProcess
 *   await engine.kill() // { code: null, signal: 'SIGKILL' }
 *   await engine.stop() // { code: 0, signal: null } if it handled SIGTERM
 */
export interface ExitInfo {
  code: number | null
  signal: NodeJS.Signals | null
}

/**
 * A ready process that exited without being stopped or killed through its
 * supervisor: it crashed, exited by itself or was killed from outside.
 *
 * @example
 *   import { describeExit } from './process-messages.ts'
 *   declare const engine: import('./process-supervisor.ts').SupervisedProcess
 *   engine.onUnexpectedExit((exit) => console.error(`${exit.name} (pid ${exit.pid}) ${describeExit(exit)}`))
 *   // { name: 'engine', pid: 4242, code: null, signal: 'SIGKILL', at: 2025-05-17T17:02:03.000Z }
 */
export interface UnexpectedExit extends ExitInfo {
  /** The process's name in its spec. */
  name: string
  pid: number
  /** When the supervisor saw it exit. */
  at: Date
}
