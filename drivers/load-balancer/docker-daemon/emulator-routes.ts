import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ContainerRuntime } from './container-runtime.ts'
import { lookupContainer } from './container-routes.ts'
import { DaemonApiError } from './daemon-api-error.ts'
import type { EventGate } from './event-gate.ts'
import { intParam, readBody, sendEmpty } from './http-io.ts'

const HEALTH_STATUSES = ['healthy', 'unhealthy', 'starting'] as const

/**
 * What the emulator-only endpoints act on.
 *
 * @example
 *   declare const runtime: ContainerRuntime,
 *     eventGate: EventGate,
 *     daemon: import('./docker-daemon.ts').DockerDaemon,
 *     request: IncomingMessage,
 *     response: ServerResponse
 *   const control: EmulatorControl = {
 *     runtime,
 *     eventGate,
 *     restart: (downMs) => daemon.restartDaemon(downMs === undefined ? {} : { downMs }),
 *   }
 *   await routeEmulatorRequest(
 *     control,
 *     'POST',
 *     '/_emulator/restart',
 *     new URL('http://d/_emulator/restart?downMs=500'),
 *     request,
 *     response,
 *   )
 */
export interface EmulatorControl {
  runtime: ContainerRuntime
  eventGate: EventGate
  restart: (downMs: number | undefined) => Promise<void>
}

/**
 * The emulator's own endpoints, under `/_emulator/`, for what a real daemon cannot be
 * told over its API; a real daemon answers them 404 `page not found`.
 *
 * - `POST /_emulator/containers/{id}/health` `{"Status": "healthy"|"unhealthy"|"starting"}` → 204, event
 * `health_status: …`
 * - `POST /_emulator/containers/{id}/crash` → 204: the backend is SIGKILLed behind the daemon's back (only `die`, exit
 * 137)
 * - `POST /_emulator/restart?downMs=N` → 202, then the daemon drops every connection and refuses new ones for N ms
 * - `POST /_emulator/events/drop?holdMs=N` → 204: every `/events` stream is cut, new ones refused for N ms
 *
 * @example
 *   declare const control: EmulatorControl, url: URL, request: IncomingMessage, response: ServerResponse
 *   await routeEmulatorRequest(control, 'POST', '/_emulator/containers/web-1/crash', url, request, response)
 *   // → true, 204
 *   await routeEmulatorRequest(control, 'GET', '/containers/json', url, request, response) // false
 */
export async function routeEmulatorRequest(
  control: EmulatorControl,
  method: string,
  path: string,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<boolean> {
  if (method !== 'POST') return false
  if (path === '/_emulator/restart') {
    const downMs = url.searchParams.has('downMs') ? intParam(url, 'downMs', 0, 0, 60_000) : undefined
    // Restart only once the 202 is on its way, or the caller would see its own connection dropped.
    response.on('finish', () => setImmediate(() => void control.restart(downMs)))
    sendEmpty(response, 202)
    return true
  }
  if (path === '/_emulator/events/drop') {
    control.eventGate.drop(intParam(url, 'holdMs', 0, 0, 60_000))
    sendEmpty(response, 204)
    return true
  }
  const match = /^\/_emulator\/containers\/([^/]+)\/(health|crash)$/.exec(path)
  if (match === null) return false
  const [, ref = '', action] = match
  const container = lookupContainer(control.runtime.list(), decodeURIComponent(ref))
  await control.runtime.whenStarted(container.id)
  if (container.state !== 'running' && container.state !== 'paused')
    throw new DaemonApiError(409, `Container ${container.id} is not running`)
  if (action === 'crash') await control.runtime.crash(container.id)
  else control.runtime.setHealth(container.id, parseHealthBody(await readBody(request)))
  sendEmpty(response, 204)
  return true
}

function parseHealthBody(body: string): (typeof HEALTH_STATUSES)[number] {
  let status: unknown
  try {
    status = (JSON.parse(body) as { Status?: unknown } | null)?.Status
  } catch (error) {
    throw new DaemonApiError(400, `invalid JSON: ${(error as Error).message}; send {"Status": "healthy"}`)
  }
  const known = HEALTH_STATUSES.find((allowed) => allowed === status)
  if (known === undefined)
    throw new DaemonApiError(
      400,
      `invalid Status ${JSON.stringify(status)}: send {"Status": "healthy"}, "unhealthy" or "starting"`,
    )
  return known
}
