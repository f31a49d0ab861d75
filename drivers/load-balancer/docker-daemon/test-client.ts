import { request } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'

/**
 * Where a test reaches the emulator: a unix socket or a TCP port.
 *
 * @example
 *   const target: DaemonTarget = { socketPath: daemon.socketPath }
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
 *   const { status, body } = await getFromDaemon(target, '/v1.43/containers/json')
 *   JSON.parse(body) // [{ Id: …, Names: ['/web-1'], … }]
 */
export function getFromDaemon(target: DaemonTarget, path: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ ...addressOf(target), path, agent: false }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

/**
 * An open `/events` stream: the raw chunks, the objects parsed so far (newlines or not), and whether it ended.
 *
 * @example
 *   const events = await openEventStream(target, '/events')
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
 *   const events = await openEventStream({ port }, '/events?filters=' + encodeURIComponent('{"type":["container"]}'))
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
        let end: number
        while ((end = endOfFirstObject(pending)) > 0) {
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
            if (Date.now() > deadline) throw new Error(`waitForCount: expected ${count} events within ${timeoutMs}ms, got ${objects.length}: ${JSON.stringify(objects.map((o) => o.Action))}`)
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
  return target.socketPath !== undefined ? { socketPath: target.socketPath } : { host: '127.0.0.1', port: target.port ?? 0 }
}
