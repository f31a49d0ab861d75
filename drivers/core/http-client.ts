import type { DriverContext } from './driver-context.ts'
import { toMilliseconds, type DurationInput } from './duration-input.ts'
import { AssertionFailedError } from './errors/assertion-failed-error.ts'
import { ConfigurationError } from './errors/configuration-error.ts'
import { SystemCompromisedError } from './errors/system-compromised-error.ts'
import { describeFetchFailure } from './fetch-failure.ts'
import { HttpExchangeLog, type HttpExchange } from './http-exchange.ts'
import { isSecretHeader, maskHeaderValue, maskSecrets, secretsInHeader } from './mask-secrets.ts'

/**
 * The HTTP methods the client sends.
 *
 * @example
 *   declare const http: HttpClient
 *   const method: HttpMethod = 'POST'
 *   await http.request(method, '/bets', { body: { punter: 'alice-r7k2', stake: 500 } })
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * Where a client sends requests, and what every request carries.
 *
 * @example
 *   declare const ctx: DriverContext
 *   const options: HttpClientOptions = { baseUrl: ctx.systemUrl('SETTLEMENT_URL'), timeout: '5s' }
 *   const http = new HttpClient(ctx, options)
 */
export interface HttpClientOptions {
  /** The system's address; request paths are appended to it. */
  baseUrl: string
  /** Headers sent with every request, e.g. `authorization`. */
  headers?: Record<string, string>
  /** How long to wait for a whole answer; default 10s. */
  timeout?: DurationInput
}

/**
 * Options of one request.
 *
 * @example
 *   declare const http: HttpClient
 *   await http.get('/bets', { query: { punter: 'alice-r7k2' }, expectStatus: 200 })
 *   await http.post('/bets', { punter: 'alice-r7k2', stake: 500 }, { expectStatus: [200, 201], timeout: '30s' })
 */
export interface HttpRequestOptions {
  query?: Record<string, string | number | boolean | undefined>
  headers?: Record<string, string>
  /** Sent as is when a string, otherwise as JSON. */
  body?: unknown
  timeout?: DurationInput
  /** Any other status throws: a 5xx a SystemCompromisedError, else an AssertionFailedError. */
  expectStatus?: number | readonly number[]
}

/**
 * An answer: status, headers (lower-case names) and the body, parsed when it is JSON, else the text.
 *
 * @example
 *   declare const http: HttpClient
 *   const { status, body } = await http.get<{ id: string }[]>('/bets')
 *   if (status === 404) throw new AssertionFailedError('no bets')
 */
export interface HttpResponse<T = unknown> {
  status: number
  headers: Readonly<Record<string, string>>
  body: T
}

const defaultTimeout = 10_000

interface Answer {
  status: number
  statusText: string
  headers: Record<string, string>
  text: string
}

/**
 * A JSON-over-HTTP client for one scenario and one system. Every exchange is
 * recorded and attached if the scenario fails; a refused, reset or timed-out
 * request throws a SystemCompromisedError. Secrets are masked in the log, the
 * attachment and every error message (see {@link maskSecrets}); credentials in
 * a URL (`https://user:pass@…`) are sent as Basic authorization.
 *
 * @example
 *   declare const ctx: DriverContext
 *   const http = new HttpClient(ctx, { baseUrl: ctx.systemUrl('SETTLEMENT_URL') })
 *   const { body } = await http.post<{ id: string }>(
 *     '/bets',
 *     { punter: 'alice-r7k2', stake: 500 },
 *     { expectStatus: 201 },
 *   )
 */
export class HttpClient {
  private readonly exchanges = new HttpExchangeLog()
  private readonly baseUrl: string
  private readonly timeoutMs: number

  constructor(
    private readonly ctx: DriverContext,
    private readonly options: HttpClientOptions,
  ) {
    if (!URL.canParse(options.baseUrl) || !/^https?:$/.test(new URL(options.baseUrl).protocol)) {
      throw new ConfigurationError(
        `HttpClient: baseUrl ${JSON.stringify(maskSecrets(options.baseUrl))} is not an http(s) URL. Give the ` +
          `system's address, e.g. ctx.systemUrl('SETTLEMENT_URL')`,
      )
    }
    this.baseUrl = options.baseUrl.replace(/\/+$/, '')
    this.timeoutMs = toMilliseconds(options.timeout ?? defaultTimeout, 'HttpClient: timeout')
    ctx.track(this.exchanges)
  }

  /** Sends a GET. */
  get<T = unknown>(path: string, options?: Omit<HttpRequestOptions, 'body'>): Promise<HttpResponse<T>> {
    return this.request<T>('GET', path, options)
  }

  /** Sends a POST with a JSON (or text) body. */
  post<T = unknown>(
    path: string,
    body?: unknown,
    options?: Omit<HttpRequestOptions, 'body'>,
  ): Promise<HttpResponse<T>> {
    return this.request<T>('POST', path, { ...options, body })
  }

  /** Sends a PUT with a JSON (or text) body. */
  put<T = unknown>(path: string, body?: unknown, options?: Omit<HttpRequestOptions, 'body'>): Promise<HttpResponse<T>> {
    return this.request<T>('PUT', path, { ...options, body })
  }

  /** Sends a DELETE. */
  delete<T = unknown>(path: string, options?: HttpRequestOptions): Promise<HttpResponse<T>> {
    return this.request<T>('DELETE', path, options)
  }

  /** Sends any request; `path` is appended to the base URL (or is a whole URL). */
  async request<T = unknown>(
    method: HttpMethod,
    path: string,
    options: HttpRequestOptions = {},
  ): Promise<HttpResponse<T>> {
    const { url, basic } = this.urlOf(path, options.query)
    const answer = await this.send(method, url, basic, options)
    this.checkStatus(method, url, answer, options.expectStatus)
    return { status: answer.status, headers: answer.headers, body: this.parse(method, url, answer) as T }
  }

  private async send(
    method: HttpMethod,
    url: string,
    basic: Record<string, string>,
    options: HttpRequestOptions,
  ): Promise<Answer> {
    const headers = lowerCaseKeys({ accept: 'application/json', ...basic, ...this.options.headers, ...options.headers })
    const body =
      options.body === undefined || typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
    if (body !== undefined && !headers['content-type'])
      headers['content-type'] = typeof options.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json'
    const timeoutMs =
      options.timeout === undefined
        ? this.timeoutMs
        : toMilliseconds(options.timeout, `${method} ${maskSecrets(url)}: timeout`)
    const exchange: HttpExchange = {
      method,
      url: maskSecrets(url),
      requestHeaders: maskHeaders(Object.entries(headers)),
      requestBody: body,
      durationMs: 0,
    }
    const secrets = Object.entries(headers).flatMap(([name, value]) => secretsInHeader(name, value))
    const started = performance.now()
    try {
      const response = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(timeoutMs) })
      const entries = headerEntries(response.headers)
      secrets.push(...entries.flatMap(([name, value]) => secretsInHeader(name, value)))
      exchange.status = response.status
      exchange.responseHeaders = maskHeaders(entries)
      exchange.responseBody = await response.text()
      return {
        status: response.status,
        statusText: response.statusText,
        headers: joinHeaders(entries),
        text: exchange.responseBody,
      }
    } catch (error) {
      exchange.error = maskSecrets(describeFetchFailure(error, timeoutMs)?.reason ?? String(error))
      throw this.failure(method, url, timeoutMs, error)
    } finally {
      exchange.durationMs = Math.round(performance.now() - started)
      this.exchanges.record(exchange, secrets)
      this.ctx.log(`${method} ${exchange.url} → ${exchange.status ?? exchange.error} (${exchange.durationMs} ms)`)
    }
  }

  private checkStatus(
    method: HttpMethod,
    url: string,
    answer: Answer,
    expectStatus: HttpRequestOptions['expectStatus'],
  ): void {
    const expected = expectStatus === undefined ? undefined : [expectStatus].flat()
    if (!expected || expected.includes(answer.status)) return
    const request = `${method} ${maskSecrets(url)}`
    const message =
      `${request} answered ${answer.status} ${answer.statusText}; expected ${expected.join(' or ')}. Body: ` +
      `${quoteBody(this.exchanges.mask(answer.text))}`
    const options = { context: { request } }
    throw answer.status >= 500
      ? new SystemCompromisedError(message, options)
      : new AssertionFailedError(message, options)
  }

  // fetch refuses a URL with credentials: they go in an Authorization header, as a browser or curl sends them.
  private urlOf(path: string, query: HttpRequestOptions['query']): { url: string; basic: Record<string, string> } {
    const url = new URL(/^https?:\/\//.test(path) ? path : `${this.baseUrl}/${path.replace(/^\/+/, '')}`)
    for (const [name, value] of Object.entries(query ?? {}))
      if (value !== undefined) url.searchParams.append(name, String(value))
    if (url.username === '' && url.password === '') return { url: url.href, basic: {} }
    const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`
    url.username = ''
    url.password = ''
    return { url: url.href, basic: { authorization: `Basic ${Buffer.from(credentials).toString('base64')}` } }
  }

  private failure(method: string, url: string, timeoutMs: number, error: unknown): Error {
    const failure = describeFetchFailure(error, timeoutMs)
    const request = `${method} ${maskSecrets(url)}`
    const context = { context: { request }, cause: error }
    if (!failure)
      return new ConfigurationError(
        `${request} could not be sent: ${maskSecrets(error instanceof Error ? error.message : String(error))}`,
        context,
      )
    const hint = failure.timedOut
      ? 'The system under test may be hung or overloaded; if this call is known to be slow, pass a longer { timeout }.'
      : `Is the system under test running at ${new URL(url).origin}?`
    return new SystemCompromisedError(`${request} failed: ${maskSecrets(failure.reason)}. ${hint}`, context)
  }

  private parse(method: string, url: string, response: Answer): unknown {
    const type = response.headers['content-type'] ?? ''
    if (!/[/+]json\b/i.test(type) || response.text === '') return response.text
    try {
      return JSON.parse(response.text)
    } catch (error) {
      const request = `${method} ${maskSecrets(url)}`
      throw new SystemCompromisedError(
        `${request} answered ${response.status} with content-type ${type}, but the body is not JSON ` +
          `(${(error as Error).message}). Body: ${quoteBody(this.exchanges.mask(response.text))}`,
        { context: { request }, cause: error },
      )
    }
  }
}

function quoteBody(text: string): string {
  if (text === '') return '(empty)'
  return text.length > 500 ? `${text.slice(0, 500)}… (${text.length - 500} more characters)` : text
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]))
}

// Headers iterates each Set-Cookie on its own; the others come combined already.
function headerEntries(headers: Headers): Array<[string, string]> {
  const entries: Array<[string, string]> = []
  headers.forEach((value, name) => entries.push([name, value]))
  return entries
}

function joinHeaders(entries: Array<[string, string]>): Record<string, string> {
  const record: Record<string, string> = {}
  for (const [name, value] of entries) record[name] = record[name] === undefined ? value : `${record[name]}, ${value}`
  return record
}

function maskHeaders(entries: Array<[string, string]>): Record<string, string> {
  return joinHeaders(
    entries.map(([name, value]) => [name, isSecretHeader(name) ? maskHeaderValue(name, value) : maskSecrets(value)]),
  )
}
