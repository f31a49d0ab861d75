import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ContainerRecord } from './container-state.ts'
import { toContainerSummary } from './container-json.ts'
import { routeContainerRequest } from './container-routes.ts'
import { DaemonApiError } from './daemon-api-error.ts'
import type { EmulatorControl } from './emulator-routes.ts'
import { routeEmulatorRequest } from './emulator-routes.ts'
import type { EventBus } from './event-bus.ts'
import type { EventQuirks } from './event-stream.ts'
import { parseTimestamp, streamEvents } from './event-stream.ts'
import { InvalidFilterError, matchesContainer, parseFilters } from './filters.ts'
import { sendJson } from './http-io.ts'
import { compareApiVersions } from './api-version.ts'

/** The API version the emulator claims by default, as Docker Engine 24 does; `apiVersion` sets another. */
export const API_VERSION = '1.43'
/** The oldest API version the emulator accepts, as Docker Engine 24 does. */
export const MIN_API_VERSION = '1.12'
/** The engine version the emulator claims. */
export const ENGINE_VERSION = '24.0.7'

/**
 * What the routes read from and act on: the containers, the event log, and the emulator's controls.
 *
 * @example
 *   import { ContainerRuntime } from './container-runtime.ts'
 *   import { EventBus } from './event-bus.ts'
 *   import { EventGate } from './event-gate.ts'
 *   declare const request: IncomingMessage, response: ServerResponse
 *   const bus = new EventBus()
 *   const runtime = new ContainerRuntime(bus, {}, Date.now)
 *   const state: DaemonState = {
 *     containers: () => runtime.list(),
 *     apiVersion: '1.41',
 *     bus,
 *     quirks: {},
 *     now: Date.now,
 *     runtime,
 *     eventGate: new EventGate(),
 *     restart: async () => {},
 *   }
 *   routeRequest(state, request, response)
 */
export interface DaemonState extends EmulatorControl {
  /** Newest first, as `docker ps` lists them. */
  containers: () => readonly ContainerRecord[]
  /** The newest Engine API version it answers (`API-Version`), e.g. `1.41` as Docker 20.10. */
  apiVersion: string
  bus: EventBus
  quirks: EventQuirks
  now: () => number
}

/**
 * Answers one Engine API request, with or without a `/v1.xx` prefix.
 *
 * @example
 *   import { createServer } from 'node:http'
 *   declare const state: DaemonState
 *   createServer((request, response) => routeRequest(state, request, response))
 *   // GET /v1.43/containers/json?all=true → every container, newest first
 */
export function routeRequest(state: DaemonState, request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://docker')
  const asked = /^\/v(\d+\.\d+)(?=\/)/.exec(url.pathname)?.[1]
  const path = url.pathname.replace(/^\/v\d+\.\d+(?=\/)/, '')
  response.setHeader('Api-Version', state.apiVersion)
  response.setHeader('Docker-Experimental', 'false')
  response.setHeader('Ostype', 'linux')
  response.setHeader('Server', `Docker/${ENGINE_VERSION} (linux)`)
  const refusal = asked === undefined ? undefined : refuseVersion(asked, state.apiVersion)
  if (refusal !== undefined) return sendJson(response, 400, { message: refusal })
  answer(state, request.method ?? 'GET', path, url, request, response).catch((error: unknown) => {
    // Docker answers every failure as {"message": …}; a client under test must see that, not a dropped connection.
    if (response.headersSent) return void response.destroy(error as Error)
    const status = error instanceof DaemonApiError ? error.status : error instanceof InvalidFilterError ? 400 : 500
    sendJson(response, status, { message: (error as Error).message })
  })
}

async function answer(
  state: DaemonState,
  method: string,
  path: string,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if ((method === 'GET' || method === 'HEAD') && path === '/_ping') return sendText(response, 200, 'OK')
  if (method === 'GET' && path === '/version') return sendJson(response, 200, versionJson(state.apiVersion))
  if (method === 'GET' && path === '/containers/json') return listContainers(state, url, response)
  if (method === 'GET' && path === '/events') return openEvents(state, url, response)
  if (await routeContainerRequest(state.runtime, method, path, url, request, response)) return
  if (await routeEmulatorRequest(state, method, path, url, request, response)) return
  sendJson(response, 404, { message: 'page not found' })
}

function openEvents(state: DaemonState, url: URL, response: ServerResponse): void {
  // A held event pipeline looks, to the client, like a daemon that hangs up on /events.
  if (state.eventGate.held()) return void response.destroy()
  const params = url.searchParams
  const request = {
    filters: parseFilters(params.get('filters')),
    sinceNano: parseTimestamp(params.get('since')),
    untilNano: parseTimestamp(params.get('until')),
  }
  response.writeHead(200, { 'Content-Type': 'application/json' })
  state.eventGate.track(response)
  streamEvents(response, state.bus, request, state.quirks, state.now)
}

function listContainers(state: DaemonState, url: URL, response: ServerResponse): void {
  const all = ['1', 'true', 'True'].includes(url.searchParams.get('all') ?? '')
  const filters = parseFilters(url.searchParams.get('filters'))
  const now = state.now()
  const listed = state
    .containers()
    .filter((container) => all || container.state === 'running' || container.state === 'paused')
    .filter((container) => matchesContainer(filters, container))
    .map((container) => toContainerSummary(container, now))
  sendJson(response, 200, listed)
}

// Docker's own words (moby api/server/middleware/version.go), which clients match on.
function refuseVersion(asked: string, newest: string): string | undefined {
  if (compareApiVersions(asked, newest) > 0)
    return `client version ${asked} is too new. Maximum supported API version is ${newest}`
  if (compareApiVersions(asked, MIN_API_VERSION) < 0)
    return (
      `client version ${asked} is too old. Minimum supported API version is ${MIN_API_VERSION}, ` +
      'please upgrade your client to a newer version'
    )
  return undefined
}

function versionJson(apiVersion: string): Record<string, unknown> {
  const details = {
    ApiVersion: apiVersion,
    Arch: 'amd64',
    BuildTime: '2023-10-26T09:08:01.000000000+00:00',
    Experimental: 'false',
    GitCommit: '311b9ff',
    GoVersion: 'go1.20.10',
    KernelVersion: '6.5.0-parlance',
    MinAPIVersion: '1.12',
    Os: 'linux',
  }
  return {
    Platform: { Name: 'Docker Engine - Community' },
    Components: [{ Name: 'Engine', Version: ENGINE_VERSION, Details: details }],
    Version: ENGINE_VERSION,
    ApiVersion: apiVersion,
    MinAPIVersion: '1.12',
    GitCommit: '311b9ff',
    GoVersion: 'go1.20.10',
    Os: 'linux',
    Arch: 'amd64',
    KernelVersion: '6.5.0-parlance',
    BuildTime: '2023-10-26T09:08:01.000000000+00:00',
  }
}

function sendText(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-cache, no-store, must-revalidate',
    Pragma: 'no-cache',
  })
  response.end(body)
}
