import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createConnection } from 'node:net'
import { fileURLToPath } from 'node:url'
import { SystemCompromisedError } from '../../core/errors/system-compromised-error.ts'
import { findFreePort } from '../../core/free-port.ts'
import { signalGroup, waitUntil } from '../../core/process-group.ts'
import { signalNumber } from './signal-numbers.ts'

/**
 * What a container runs. `PORT` (the port to listen on, 127.0.0.1) and
 * `CONTAINER_NAME` are added to `env`.
 *
 * @example
 *   declare const daemon: import('./docker-daemon.ts').DockerDaemon
 *   const backend: BackendCommand = { command: 'python3', args: ['-m', 'http.server'], env: {} }
 *   await daemon.runContainer({ name: 'py', backend })
 */
export interface BackendCommand {
  command: string
  args?: readonly string[]
  env?: Readonly<Record<string, string>>
}

/**
 * A running backend: its port, and how to signal it. `exited` settles with the
 * exit code Docker would report (128 + signal number when killed).
 *
 * @example
 *   const backend = await startBackend('web-1')
 *   backend.signal('SIGKILL'); await backend.exited // 137
 */
export interface BackendProcess {
  readonly port: number
  readonly pid: number
  readonly exited: Promise<number>
  signal(signal: NodeJS.Signals): void
  stop(timeoutMs?: number): Promise<number>
}

/** The built-in backend: a node:http server answering with its container name and request count. */
export const DEFAULT_BACKEND: BackendCommand = {
  command: process.execPath,
  args: [fileURLToPath(new URL('./backend-server.mjs', import.meta.url))],
}

/**
 * Starts a backend in its own process group on a free 127.0.0.1 port and waits until it accepts connections.
 * `onSpawn` gets the process group id as soon as it exists, so an owner can kill a backend still starting.
 *
 * @example
 *   const backend = await startBackend('web-1')
 *   await fetch(`http://127.0.0.1:${backend.port}/`) // {"container":"web-1","requests":1,…}
 */
export async function startBackend(
  containerName: string,
  command: BackendCommand = DEFAULT_BACKEND,
  readyTimeoutMs = 5000,
  onSpawn: (pid: number) => void = () => {},
): Promise<BackendProcess> {
  const { backend, listening } = await spawnBackend(containerName, command, { readyTimeoutMs, onSpawn })
  await listening
  return backend
}

/** How `spawnBackend` starts a backend. */
export interface SpawnOptions {
  /** How long the backend may take to listen; 5 s by default. */
  readyTimeoutMs?: number
  /** Gets the process group id as soon as it exists. */
  onSpawn?: (pid: number) => void
  /** The built-in backend listens no earlier than this many ms after it is spawned, as a real app starts. */
  listenDelayMs?: number
  /** Where it listens (`LISTEN_HOST`, `PORT`): 127.0.0.1 and a free port by default. */
  host?: string
  port?: number
}

/**
 * Spawns a backend as `startBackend` does but returns at once, as a real daemon's `start` does: `listening`
 * settles once it accepts connections, and rejects (killing it) if it exits or times out first.
 *
 * @example
 *   const { backend, listening } = await spawnBackend('web-1', DEFAULT_BACKEND, { listenDelayMs: 130 })
 *   await listening // ≥ 130 ms later
 */
export async function spawnBackend(
  containerName: string,
  command: BackendCommand,
  { readyTimeoutMs = 5000, onSpawn = () => {}, listenDelayMs = 0, host = '127.0.0.1', ...options }: SpawnOptions = {},
): Promise<{ backend: BackendProcess; listening: Promise<void> }> {
  const port = options.port ?? (await findFreePort())
  const child = spawn(command.command, [...(command.args ?? [])], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...command.env,
      PORT: String(port),
      LISTEN_HOST: host,
      CONTAINER_NAME: containerName,
      LISTEN_AT_MS: String(Date.now() + listenDelayMs),
    },
  })
  let output = ''
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-2000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = exitCodeOf(child)
  let exitCode: number | undefined
  void exited.then((code) => (exitCode = code))
  const pid = child.pid
  if (pid === undefined) {
    throw new SystemCompromisedError(
      `startBackend: could not start ${JSON.stringify(command.command)} for container "${containerName}"; ` +
        `check the command exists`,
    )
  }
  onSpawn(pid)
  const deadline = Date.now() + readyTimeoutMs
  const listening = (async () => {
    while (!(await acceptsConnections(port, host))) {
      if (exitCode !== undefined || Date.now() >= deadline) {
        signalGroup(pid, 'SIGKILL')
        const why =
          exitCode !== undefined
            ? `exited with ${exitCode}`
            : `did not listen on ${host}:${port} within ${readyTimeoutMs}ms`
        throw new SystemCompromisedError(
          `startBackend: the backend of container "${containerName}" (${command.command} ` +
            `${(command.args ?? []).join(' ')}) ${why}; it must listen on $PORT. Output: ${JSON.stringify(output)}`,
        )
      }
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  })()
  listening.catch(() => {})
  const signal = (name: NodeJS.Signals): void => void signalGroup(pid, name)
  const backend: BackendProcess = {
    port,
    pid,
    exited,
    signal,
    async stop(timeoutMs = 2000) {
      signal('SIGTERM')
      if (!(await waitUntil(() => exitCode !== undefined, timeoutMs))) signal('SIGKILL')
      return exited
    },
  }
  return { backend, listening }
}

function exitCodeOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.on('error', () => resolve(127))
    child.on('exit', (code, signal) => resolve(code ?? 128 + (signal === null ? 0 : signalNumber(signal))))
  })
}

/**
 * Whether something accepts TCP connections on `host` (127.0.0.1 by default):`port` now.
 *
 * @example
 *   import { setTimeout as delay } from 'node:timers/promises'
 *   const port = 41234
 *   while (!(await acceptsConnections(port))) await delay(20)
 */
export function acceptsConnections(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}
