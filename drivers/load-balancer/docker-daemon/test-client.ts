import { request } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'

/**
 * Where a test reaches the emulator: a unix socket or a TCP port.
 *
 * @example
 *   const target: DaemonTarget = { socketPath: '/tmp/parlance-docker.sock' }
 *   await getFromDaemon({ port: 2375 }, '/_ping')
 */
export interface DaemonTarget {
  socketPath?: string
  port?: number
}

/**
 * A plain GET against the emulator, as a Docker client would send it.
 *
 * @example
 *   const { status, body } = await getFromDaemon({ port: 2375 }, '/v1.43/containers/json')
 *   JSON.parse(body) // [{ Id: …, Names: ['/web-1'], … }]
 */
export function getFromDaemon(target: DaemonTarget, path: string): Promise<DaemonAnswer> {
  return requestDaemon(target, 'GET', path)
}

/**
 * What the emulator answered: status, headers and the body as text.
 *
 * @example
 *   const answer: DaemonAnswer = await requestDaemon({ port: 2375 }, 'POST', '/containers/web-1/start')
 *   answer.status // 204
 */
export interface DaemonAnswer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/**
 * Any request against the emulator; a `body` other than a string is sent as JSON.
 *
 * @example
 *   const target: DaemonTarget = { port: 2375 }
 *   await requestDaemon(target, 'POST', '/containers/create?name=web-1', { Image: 'nginx' }) // { status: 201, … }
 *   await requestDaemon(target, 'DELETE', '/containers/web-1?force=true') // { status: 204, body: '' }
 */
export function requestDaemon(
  target: DaemonTarget,
  method: string,
  path: string,
  body?: unknown,
): Promise<DaemonAnswer> {
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const headers =
      payload === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }
    const req = request({ ...addressOf(target), method, path, headers, agent: false }, (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (text += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }))
    })
    req.on('error', reject)
    req.end(payload)
  })
}

/**
 * An open `/events` stream: the raw chunks, the objects parsed so far (newlines or not), and whether it ended.
 *
 * @example
 *   const events = await openEventStream({ port: 2375 }, '/events')
 *   await events.waitForCount(2); events.close()
 */
export interface EventStream {
  readonly chunks: string[]
  readonly objects: Record<string, unknown>[]
  readonly ended: Promise<void>
  waitForCount(count: number, timeoutMs?: number): Promise<Record<string, unknown>[]>
  close(): void
}

/**
 * Opens `/events` and resolves once the daemon has sent the headers.
 *
 * @example
 *   const events = await openEventStream(
 *     { port: 2375 },
 *     '/events?filters=' + encodeURIComponent('{"type":["container"]}'),
 *   )
 *   events.objects[0]?.Action // 'start'
 */
export function openEventStream(target: DaemonTarget, path: string): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const req = request({ ...addressOf(target), path, agent: false }, (response) => {
      const chunks: string[] = []
      const objects: Record<string, unknown>[] = []
      let pending = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        chunks.push(chunk)
        pending += chunk
        for (let end = endOfFirstObject(pending); end > 0; end = endOfFirstObject(pending)) {
          objects.push(JSON.parse(pending.slice(0, end)) as Record<string, unknown>)
          pending = pending.slice(end).replace(/^\s+/, '')
        }
      })
      const ended = new Promise<void>((done) => {
        response.on('close', done)
        response.on('error', () => done())
      })
      resolve({
        chunks,
        objects,
        ended,
        async waitForCount(count, timeoutMs = 3000) {
          const deadline = Date.now() + timeoutMs
          while (objects.length < count) {
            if (Date.now() > deadline)
              throw new Error(
                `waitForCount: expected ${count} events within ${timeoutMs}ms, got ${objects.length}: ` +
                  `${JSON.stringify(objects.map((o) => o.Action))}`,
              )
            await new Promise((wake) => setTimeout(wake, 10))
          }
          return objects
        },
        close: () => req.destroy(),
      })
    })
    req.on('error', reject)
    req.end()
  })
}

function endOfFirstObject(text: string): number {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]
    if (inString) {
      if (char === '\\') i += 1
      else if (char === '"') inString = false
    } else if (char === '"') inString = true
    else if (char === '{') depth += 1
    else if (char === '}' && --depth === 0) return i + 1
  }
  return -1
}

function addressOf(target: DaemonTarget): { socketPath: string } | { host: string; port: number } {
  return target.socketPath !== undefined
    ? { socketPath: target.socketPath }
    : { host: '127.0.0.1', port: target.port ?? 0 }
}
