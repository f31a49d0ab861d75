import http, { type ClientRequest, type IncomingMessage } from 'node:http'
import https from 'node:https'
import type { ScenarioResource } from '../../core/driver-context.ts'
import { toMilliseconds, type DurationInput } from '../../core/duration-input.ts'
import { ConfigurationError } from '../../core/errors/configuration-error.ts'
import { SystemCompromisedError } from '../../core/errors/system-compromised-error.ts'
import { maskSecrets } from '../../core/mask-secrets.ts'
import { Duration } from '../../core/values/duration.ts'

/**
 * An answer read whole: the status and the body as text.
 *
 * @example
 *   const link = new EngineLink('http://127.0.0.1:8080')
 *   const { status, text } = await link.exchange('GET', '/health')
 *   status // 200
 */
export interface LinkAnswer {
  status: number
  text: string
}

/**
 * What a followed NDJSON answer tells its reader.
 *
 * @example
 *   declare const link: EngineLink
 *   const lines: string[] = []
 *   const handlers: FollowHandlers = {
 *     line: (text) => lines.push(text),
 *     ended: (why) => console.error(`the settlements stream ended: ${why}`),
 *   }
 *   const stop = link.follow('/settlements?after=41', handlers)
 */
export interface FollowHandlers {
  /** Each complete line, without its newline; it must not throw. */
  line(text: string): void
  /** Once, when the answer ends or fails by itself (not after `stop`), saying why. */
  ended(reason: string): void
}

/**
 * A scenario's HTTP connections to the settlement engine. It keeps its own
 * keep-alive pool rather than the process-wide one, so that every connection
 * the scenario opened, the followed streams too, is closed when it ends.
 *
 * @example
 *   declare const ctx: import('../../core/driver-context.ts').DriverContext
 *   const link = new EngineLink(ctx.systemUrl('SETTLEMENT_URL'))
 *   ctx.track(link)
 *   const { status, text } = await link.exchange('POST', '/stream', {
 *     text: '{"type":"void","event":"r1"}\n',
 *     contentType: 'application/x-ndjson',
 *   })
 */
export class EngineLink implements ScenarioResource {
  /** The engine's address without a trailing slash, e.g. `http://127.0.0.1:40123`. */
  readonly baseUrl: string
  private readonly transport: typeof http | typeof https
  private readonly agent: http.Agent
  private readonly timeoutMs: number

  /** `timeout`: how long a request may wait for its whole answer; default 10s. Followed streams have none. */
  constructor(baseUrl: string, options: { timeout?: DurationInput } = {}) {
    if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) {
      throw new ConfigurationError(
        `the stream channel needs the settlement engine's http(s) address, but SETTLEMENT_URL is ` +
          `${JSON.stringify(maskSecrets(baseUrl))}. Set it, e.g. SETTLEMENT_URL=http://127.0.0.1:8080`,
      )
    }
    this.baseUrl = baseUrl.replace(/\/+$/, '')
    this.transport = new URL(baseUrl).protocol === 'https:' ? https : http
    this.agent = new this.transport.Agent({ keepAlive: true })
    this.timeoutMs = toMilliseconds(options.timeout ?? '10s', 'StreamSettlementDriver: requestTimeout')
  }

  /**
   * Sends a request and reads the whole answer; no answer in time, or a dropped connection, is a
   * SystemCompromisedError.
   */
  exchange(method: 'GET' | 'POST', path: string, body?: { text: string; contentType: string }): Promise<LinkAnswer> {
    const url = this.baseUrl + path
    return new Promise((resolve, reject) => {
      const headers =
        body === undefined ? {} : { 'content-type': body.contentType, 'content-length': Buffer.byteLength(body.text) }
      let timedOut = false
      const timer = setTimeout(() => {
        timedOut = true
        request.destroy(new Error('timed out'))
      }, this.timeoutMs)
      const fail = (error: Error): void => {
        clearTimeout(timer)
        reject(this.failure(method, url, error, timedOut))
      }
      const request = this.transport.request(url, { method, headers, agent: this.agent }, (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (text += chunk))
        response.on('end', () => {
          clearTimeout(timer)
          resolve({ status: response.statusCode ?? 0, text })
        })
        response.on('error', fail)
        response.on('close', () => {
          if (!response.complete) fail(new Error('the connection closed before the whole answer came'))
        })
      })
      request.on('error', fail)
      request.end(body?.text)
    })
  }

  /** Opens a GET and hands over its NDJSON lines as they arrive; returns a function that stops following. */
  follow(path: string, handlers: FollowHandlers): () => void {
    let over = false
    const end = (reason: string): void => {
      if (over) return
      over = true
      handlers.ended(reason)
    }
    const request: ClientRequest = this.transport.get(this.baseUrl + path, { agent: this.agent }, (response) =>
      readLines(response, handlers.line, end),
    )
    request.on('error', (error) => end(maskSecrets(error.message)))
    return () => {
      over = true
      request.destroy()
    }
  }

  /** Closes every connection, in use or idle. */
  close(): void {
    this.agent.destroy()
  }

  async dispose(): Promise<void> {
    this.close()
  }

  private failure(method: string, url: string, error: Error, timedOut: boolean): SystemCompromisedError {
    const why = timedOut
      ? `no answer within ${Duration.ms(this.timeoutMs)}. The engine may be hung or overloaded`
      : `${error.message}. Is the settlement engine running at ${this.baseUrl}?`
    const request = maskSecrets(`${method} ${url}`)
    return new SystemCompromisedError(maskSecrets(`${method} ${url} failed: ${why}`), {
      cause: error,
      context: { request },
    })
  }
}

function readLines(response: IncomingMessage, line: (text: string) => void, end: (reason: string) => void): void {
  let partial = ''
  const ok = response.statusCode === 200
  response.setEncoding('utf8')
  response.on('data', (chunk: string) => {
    if (!ok) {
      partial += chunk
      return
    }
    const lines = (partial + chunk).split('\n')
    partial = lines.pop() ?? ''
    for (const text of lines) if (text.trim() !== '') line(text)
  })
  response.on('end', () =>
    end(ok ? 'the engine ended the stream' : `answered ${response.statusCode}: ${partial.trim() || '(no body)'}`),
  )
  response.on('error', (error) => end(error.message))
  response.on('close', () => end('the connection closed'))
}
