import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ContainerRuntime } from './container-runtime.ts'
import type { ContainerRecord } from './container-state.ts'
import { toContainerInspect } from './container-inspect-json.ts'
import { parseCreateRequest } from './create-request.ts'
import { DaemonApiError } from './daemon-api-error.ts'
import { intParam, readBody, sendEmpty, sendJson } from './http-io.ts'
import { parseSignal } from './signal-numbers.ts'

// Signals the default backend ends on; node answers SIGUSR1 by opening its inspector instead.
const KILL_SIGNALS: readonly NodeJS.Signals[] = ['SIGKILL', 'SIGTERM', 'SIGINT', 'SIGQUIT', 'SIGHUP', 'SIGUSR2']

/**
 * Answers the container lifecycle endpoints of the Engine API (create, start, stop,
 * kill, pause, unpause, remove, inspect); false if the path is none of them.
 *
 * @example
 *   declare const runtime: ContainerRuntime, request: IncomingMessage, response: ServerResponse
 *   await routeContainerRequest(
 *     runtime,
 *     'POST',
 *     '/containers/web-1/start',
 *     new URL('http://d/containers/web-1/start'),
 *     request,
 *     response,
 *   ) // true
 *   // 204, or 304 when already running, or 404 {"message":"No such container: web-1"}
 */
export async function routeContainerRequest(
  runtime: ContainerRuntime,
  method: string,
  path: string,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<boolean> {
  if (method === 'POST' && path === '/containers/create') {
    const options = parseCreateRequest(url.searchParams.get('name'), await readBody(request))
    const taken = runtime.list().find((c) => c.name === options.name)
    if (taken !== undefined) {
      throw new DaemonApiError(
        409,
        `Conflict. The container name "/${options.name}" is already in use by container "${taken.id}". You ` +
          `have to remove (or rename) that container to be able to reuse that name.`,
      )
    }
    sendJson(response, 201, { Id: runtime.create(options).id, Warnings: [] })
    return true
  }
  const match = /^\/containers\/([^/]+)(?:\/(json|start|stop|kill|pause|unpause))?$/.exec(path)
  if (match === null) return false
  const [, ref = '', action] = match
  const container = lookupContainer(runtime.list(), decodeURIComponent(ref))
  if (method === 'GET' && action === 'json') {
    sendJson(response, 200, toContainerInspect(container))
    return true
  }
  if (method === 'DELETE' && action === undefined) {
    await remove(runtime, container, url)
    sendEmpty(response, 204)
    return true
  }
  if (method !== 'POST' || action === undefined || action === 'json') return false
  await runtime.whenStarted(container.id)
  const up = container.state === 'running' || container.state === 'paused'
  switch (action) {
    case 'start':
      if (container.state === 'paused')
        throw new DaemonApiError(409, 'cannot start a paused container, try unpause instead')
      if (up) return notModified(response)
      await runtime.start(container.id)
      break
    case 'stop':
      if (!up) return notModified(response)
      await runtime.stop(container.id, stopTimeoutMs(intParam(url, 't', 10, -1, 3600)))
      break
    case 'kill': {
      const signal = killSignal(url.searchParams.get('signal') ?? 'SIGKILL')
      if (!up) throw new DaemonApiError(409, `Cannot kill container: ${ref}: Container ${container.id} is not running`)
      await runtime.kill(container.id, signal)
      break
    }
    case 'pause':
      if (!up) throw new DaemonApiError(409, `Container ${container.id} is not running`)
      if (container.state === 'paused') throw new DaemonApiError(409, `Container ${container.id} is already paused`)
      runtime.setPaused(container.id, true)
      break
    case 'unpause':
      if (container.state !== 'paused') throw new DaemonApiError(409, `Container ${container.id} is not paused`)
      runtime.setPaused(container.id, false)
      break
  }
  sendEmpty(response, 204)
  return true
}

/**
 * Finds a container as Docker does: full id, name (with or without `/`), then a unique id prefix.
 *
 * @example
 *   declare const runtime: ContainerRuntime
 *   lookupContainer(runtime.list(), 'web-1').id // '3f4e…'
 *   lookupContainer(runtime.list(), 'nope') // throws DaemonApiError 404 'No such container: nope'
 */
export function lookupContainer(containers: readonly ContainerRecord[], ref: string): ContainerRecord {
  const exact = containers.find((c) => c.id === ref || c.name === ref.replace(/^\//, ''))
  if (exact !== undefined) return exact
  const prefixed = ref === '' ? [] : containers.filter((c) => c.id.startsWith(ref))
  if (prefixed.length > 1) throw new DaemonApiError(400, `multiple IDs found with provided prefix: ${ref}`)
  if (prefixed[0] === undefined) throw new DaemonApiError(404, `No such container: ${ref}`)
  return prefixed[0]
}

async function remove(runtime: ContainerRuntime, container: ContainerRecord, url: URL): Promise<void> {
  await runtime.whenStarted(container.id)
  const force = ['1', 'true', 'True'].includes(url.searchParams.get('force') ?? '')
  if (!force && container.state === 'paused') {
    throw new DaemonApiError(
      409,
      `cannot remove container "/${container.name}": container is paused and must be unpaused first`,
    )
  }
  if (!force && container.state === 'running') {
    throw new DaemonApiError(
      409,
      `cannot remove container "/${container.name}": container is running: stop the container before removing ` +
        `or force remove`,
    )
  }
  await runtime.destroy(container.id)
}

function notModified(response: ServerResponse): true {
  sendEmpty(response, 304)
  return true
}

// Docker's t=-1 waits for the container to exit however long it takes; an hour is long enough here.
function stopTimeoutMs(seconds: number): number {
  return seconds < 0 ? 3_600_000 : seconds * 1000
}

function killSignal(raw: string): NodeJS.Signals {
  const signal = parseSignal(raw)
  if (signal === undefined) throw new DaemonApiError(400, `Invalid signal: ${raw}`)
  if (!KILL_SIGNALS.includes(signal)) {
    throw new DaemonApiError(
      400,
      `the emulator's backends do not exit on ${signal}; send one of ${KILL_SIGNALS.join(', ')}`,
    )
  }
  return signal
}
