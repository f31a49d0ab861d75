import { setTimeout as delay } from 'node:timers/promises'
import type { ContainerRecord, HealthStatus } from './container-state.ts'
import type { RunContainerOptions } from './container-runtime.ts'
import { ContainerRuntime } from './container-runtime.ts'
import { API_VERSION, routeRequest } from './daemon-routes.ts'
import { listenDaemon } from './daemon-listener.ts'
import { EventBus } from './event-bus.ts'
import { EventGate } from './event-gate.ts'
import type { EventQuirks } from './event-stream.ts'

export type { RunContainerOptions } from './container-runtime.ts'

/**
 * How to start the emulator. With neither `socketPath` nor `tcp`, it listens on TCP.
 *
 * @example
 *   createDockerDaemon({ socketPath: '/tmp/parlance-docker.sock', tcp: true })
 *   createDockerDaemon({ eventQuirks: { splitObjects: true }, now: () => Date.parse('2025-05-17T17:02:03Z') })
 *   createDockerDaemon({ tcp: true, apiVersion: '1.41' }) // refuses /v1.43/… as Docker 20.10 does
 */
export interface DockerDaemonOptions {
  socketPath?: string
  tcp?: boolean
  /** The TCP port to listen on (implies `tcp`); 0, the default, picks a free one. */
  tcpPort?: number
  eventQuirks?: EventQuirks
  /** The clock, unix ms; tests fix it to get exact `Status` and `time` values. */
  now?: () => number
  /** How long restartDaemon() refuses connections; 200ms by default. */
  restartDownMs?: number
  /** The newest Engine API version it answers, `1.43` by default; `1.41` answers as Docker 20.10 does. */
  apiVersion?: string
  /**
   * How long after its `start` event the built-in backend listens at the earliest: `START_TO_LISTEN_MS` (130) by
   * default, as measured on Docker 20.10 and 26.1 (118-145 ms); its published port resets connections meanwhile.
   */
  listenDelayMs?: number
}

/** How long a real app took to listen after its container's `start` event (118-145 ms on Docker 20.10 and 26.1). */
export const START_TO_LISTEN_MS = 130

/**
 * A Docker daemon a load balancer can discover backends from, driven by the test.
 * Containers are named by id, 12+ digit id prefix, or name.
 *
 * @example
 *   const daemon = await createDockerDaemon({ tcp: true }); const web = await daemon.runContainer({ name: 'web-1' })
 *   await daemon.stop(web.id); await daemon.close()
 */
export interface DockerDaemon {
  /** `tcp://127.0.0.1:PORT`, or undefined when not on TCP. */
  readonly url: string | undefined
  readonly socketPath: string | undefined
  /** `docker run`: create, then start (events `create`, `start`, the health if settled); resolves once it listens. */
  runContainer(options: RunContainerOptions): Promise<Readonly<ContainerRecord>>
  /** `docker create`: state `created`, no process (event `create`). */
  createContainer(options: RunContainerOptions): Readonly<ContainerRecord>
  /** `docker start`: runs the backend (event `start`, and the health if settled). */
  start(ref: string): Promise<void>
  container(ref: string): Readonly<ContainerRecord>
  /** Events `kill` (signal 15), `die`, `stop`. */
  stop(ref: string): Promise<void>
  /** Events `kill`, `die`; SIGKILL by default. */
  kill(ref: string, signal?: NodeJS.Signals): Promise<void>
  /** The backend process is SIGKILLed behind Docker's back: only `die`, exitCode 137. */
  crash(ref: string): Promise<void>
  pause(ref: string): void
  unpause(ref: string): void
  /** `docker rm -f`: `kill`, `die` if running, then `destroy`. */
  destroy(ref: string): Promise<void>
  setHealth(ref: string, health: Exclude<HealthStatus, 'none'>): void
  /**
   * Drops every connection (each /events stream ends), refuses new ones for `downMs` (`restartDownMs` by default), then
   * listens again.
   */
  restartDaemon(options?: { downMs?: number }): Promise<void>
  /** Kills every backend process and stops listening. */
  close(): Promise<void>
}

/**
 * Starts the emulator. Every daemon owns its containers, events and processes; close() ends them all.
 *
 * @example
 *   const daemon = await createDockerDaemon({ socketPath: '/tmp/parlance-docker.sock' })
 *   process.env.DOCKER_HOST = `unix://${daemon.socketPath}`
 */
export async function createDockerDaemon(options: DockerDaemonOptions = {}): Promise<DockerDaemon> {
  const now = options.now ?? Date.now
  const bus = new EventBus()
  const quirks = options.eventQuirks ?? {}
  const runtime = new ContainerRuntime(bus, quirks, now, options.listenDelayMs ?? START_TO_LISTEN_MS)
  const tcp = options.tcp ?? (options.tcpPort !== undefined || options.socketPath === undefined)
  const restartDaemon = async (downMs = options.restartDownMs ?? 200): Promise<void> => {
    await listener.stop()
    await delay(downMs)
    await listener.start()
  }
  const state = {
    containers: () => runtime.list(),
    apiVersion: options.apiVersion ?? API_VERSION,
    bus,
    quirks,
    now,
    runtime,
    eventGate: new EventGate(),
    restart: restartDaemon,
  }
  const listener = await listenDaemon((request, response) => routeRequest(state, request, response), {
    socketPath: options.socketPath,
    tcpPort: tcp ? (options.tcpPort ?? 0) : undefined,
  })
  return {
    get url() {
      return listener.tcpPort === undefined ? undefined : `tcp://127.0.0.1:${listener.tcpPort}`
    },
    socketPath: listener.socketPath,
    runContainer: (run) => runtime.run(run),
    createContainer: (run) => runtime.create(run),
    start: (ref) => runtime.start(ref),
    container: (ref) => runtime.find('container', ref),
    stop: (ref) => runtime.stop(ref),
    kill: (ref, signal = 'SIGKILL') => runtime.kill(ref, signal),
    crash: (ref) => runtime.crash(ref),
    pause: (ref) => runtime.setPaused(ref, true),
    unpause: (ref) => runtime.setPaused(ref, false),
    destroy: (ref) => runtime.destroy(ref),
    setHealth: (ref, health) => runtime.setHealth(ref, health),
    restartDaemon: (restart) => restartDaemon(restart?.downMs),
    async close() {
      await runtime.killAll()
      await listener.stop()
    },
  }
}
