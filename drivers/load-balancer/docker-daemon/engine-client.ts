import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { SystemCompromisedError } from '../../core/errors/system-compromised-error.ts'
import type { ContainerSummary } from './container-json.ts'
import type { ContainerInspect } from './container-inspect-json.ts'
import type { HealthcheckConfig } from './container-state.ts'
import { DockerEngineError } from './docker-engine-error.ts'
import { CLIENT_MAX_API_VERSION, CLIENT_MIN_API_VERSION, isApiVersion, negotiateApiVersion } from './api-version.ts'

/**
 * Where the daemon is: `tcp://host:port` (or `http://…`), or a unix socket path.
 *
 * @example
 *   const overTcp: EngineTarget = { url: 'tcp://127.0.0.1:2375' }
 *   const overSocket: EngineTarget = { socketPath: '/var/run/docker.sock' }
 */
export type EngineTarget = { url: string } | { socketPath: string }

/**
 * The body of `POST /containers/create`, the fields the emulator reads.
 *
 * @example
 *   const body: CreateContainerBody = { Image: 'parlance/backend:latest', ExposedPorts: { '8080/tcp': {} } }
 *   body.HostConfig = { PortBindings: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] } }
 */
export interface CreateContainerBody {
  Image: string
  Labels?: Record<string, string>
  Env?: string[]
  ExposedPorts?: Record<string, Record<string, never>>
  Healthcheck?: HealthcheckConfig
  HostConfig?: { PortBindings?: Record<string, { HostIp?: string; HostPort?: string }[]> }
}

/**
 * A typed Docker Engine API client over node:http, for TCP or a unix socket; it
 * also speaks the emulator's own `/_emulator/` endpoints (a real daemon answers
 * those 404). Failures throw DockerEngineError naming the method, path, status and
 * Docker's message. The API version is negotiated on the first call, as the docker CLI does: `/_ping`'s
 * `API-Version` (or `/version`'s `ApiVersion`), capped at the client's newest (1.43); a daemon older than 1.24
 * fails every call with a SystemCompromisedError saying so.
 *
 * @example
 *   const client = new DockerEngineClient({ url: 'tcp://127.0.0.1:2375' })
 *   const { Id } = await client.create('web-1', { Image: 'parlance/backend:latest' }); await client.start(Id)
 */
export class DockerEngineClient {
  #negotiated: Promise<string> | undefined

  constructor(
    private readonly target: EngineTarget,
    private readonly timeoutMs = 60_000,
  ) {}

  /** `POST /containers/create?name=…` → `{Id, Warnings}`. */
  async create(name: string, body: CreateContainerBody): Promise<{ Id: string; Warnings: string[] }> {
    return (await this.#engine('create', 'POST', `/containers/create?name=${encodeURIComponent(name)}`, body)) as {
      Id: string
      Warnings: string[]
    }
  }

  /** `POST /containers/{id}/start`; an already running container (304) is fine. */
  async start(id: string): Promise<void> {
    await this.#engine('start', 'POST', `/containers/${encodeURIComponent(id)}/start`)
  }

  /** `POST /containers/{id}/stop?t=…`: SIGTERM, SIGKILL after `timeoutSeconds`; a stopped container (304) is fine. */
  async stop(id: string, options: { timeoutSeconds?: number } = {}): Promise<void> {
    const query = options.timeoutSeconds === undefined ? '' : `?t=${options.timeoutSeconds}`
    await this.#engine('stop', 'POST', `/containers/${encodeURIComponent(id)}/stop${query}`)
  }

  /** `POST /containers/{id}/kill?signal=…`, SIGKILL by default. */
  async kill(id: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    await this.#engine('kill', 'POST', `/containers/${encodeURIComponent(id)}/kill?signal=${signal}`)
  }

  /** `POST /containers/{id}/pause`. */
  async pause(id: string): Promise<void> {
    await this.#engine('pause', 'POST', `/containers/${encodeURIComponent(id)}/pause`)
  }

  /** `POST /containers/{id}/unpause`. */
  async unpause(id: string): Promise<void> {
    await this.#engine('unpause', 'POST', `/containers/${encodeURIComponent(id)}/unpause`)
  }

  /** `DELETE /containers/{id}?force=…`. */
  async remove(id: string, options: { force?: boolean } = {}): Promise<void> {
    await this.#engine('remove', 'DELETE', `/containers/${encodeURIComponent(id)}?force=${options.force === true}`)
  }

  /** `GET /containers/{id}/json`. */
  async inspect(id: string): Promise<ContainerInspect> {
    return (await this.#engine('inspect', 'GET', `/containers/${encodeURIComponent(id)}/json`)) as ContainerInspect
  }

  /**
   * `GET /containers/json`: running containers, or every one with `all`; `labelFilter` entries are `key` or
   * `key=value`, ANDed.
   */
  async list(options: { all?: boolean; labelFilter?: readonly string[] } = {}): Promise<ContainerSummary[]> {
    const query = new URLSearchParams()
    if (options.all === true) query.set('all', 'true')
    if (options.labelFilter !== undefined && options.labelFilter.length > 0)
      query.set('filters', JSON.stringify({ label: options.labelFilter }))
    const suffix = query.size > 0 ? `?${query}` : ''
    return (await this.#engine('list', 'GET', `/containers/json${suffix}`)) as ContainerSummary[]
  }

  /** Emulator only: `POST /_emulator/containers/{id}/health`, as if its health check had said so. */
  async setHealth(id: string, status: 'healthy' | 'unhealthy' | 'starting'): Promise<void> {
    await this.#call('setHealth', 'POST', `/_emulator/containers/${encodeURIComponent(id)}/health`, { Status: status })
  }

  /** Emulator only: `POST /_emulator/containers/{id}/crash`, SIGKILL behind the daemon's back (only `die`, 137). */
  async crash(id: string): Promise<void> {
    await this.#call('crash', 'POST', `/_emulator/containers/${encodeURIComponent(id)}/crash`)
  }

  /** Emulator only: `POST /_emulator/restart?downMs=…`; resolves on the 202, before the daemon goes down. */
  async restartDaemon(options: { downMs?: number } = {}): Promise<void> {
    await this.#call(
      'restartDaemon',
      'POST',
      `/_emulator/restart${options.downMs === undefined ? '' : `?downMs=${options.downMs}`}`,
    )
  }

  /**
   * Emulator only: `POST /_emulator/events/drop?holdMs=…`: cuts every `/events` stream, refuses new ones for `holdMs`.
   */
  async dropEvents(options: { holdMs?: number } = {}): Promise<void> {
    await this.#call(
      'dropEvents',
      'POST',
      `/_emulator/events/drop${options.holdMs === undefined ? '' : `?holdMs=${options.holdMs}`}`,
    )
  }

  /**
   * The Engine API version this client speaks with the daemon, negotiated once (again after a failed try);
   * `method` names the call that needed it in errors.
   *
   * @example
   *   const client = new DockerEngineClient({ url: 'tcp://127.0.0.1:2375' })
   *   await client.apiVersion() // → '1.41' against Docker 20.10, '1.43' against Docker 24 or later
   */
  apiVersion(method = 'apiVersion'): Promise<string> {
    this.#negotiated ??= this.#negotiate(method).catch((error: Error) => {
      this.#negotiated = undefined
      throw error
    })
    return this.#negotiated
  }

  async #negotiate(method: string): Promise<string> {
    const ping = await this.#send(method, 'GET', '/_ping')
    let daemonVersion = headerText(ping.headers['api-version'])
    if (!isApiVersion(daemonVersion)) {
      const version = (await this.#call(method, 'GET', '/version')) as { ApiVersion?: unknown } | undefined
      daemonVersion = typeof version?.ApiVersion === 'string' ? version.ApiVersion : ''
    }
    if (!isApiVersion(daemonVersion)) {
      throw new SystemCompromisedError(
        `DockerEngineClient.${method}: the daemon at ${this.#describe()} named no API version (neither /_ping's ` +
          `API-Version header nor /version's ApiVersion); is it a Docker daemon?`,
      )
    }
    const chosen = negotiateApiVersion(daemonVersion)
    if (chosen !== undefined) return chosen
    throw new SystemCompromisedError(
      `DockerEngineClient.${method}: the Docker daemon at ${this.#describe()} speaks Engine API ` +
        `${daemonVersion} at most; this client needs ${CLIENT_MIN_API_VERSION} to ${CLIENT_MAX_API_VERSION} ` +
        `(Docker 1.12 or later); upgrade the daemon`,
    )
  }

  async #engine(method: string, verb: string, path: string, body?: unknown): Promise<unknown> {
    return this.#call(method, verb, `/v${await this.apiVersion(method)}${path}`, body)
  }

  async #call(method: string, verb: string, path: string, body?: unknown): Promise<unknown> {
    const { status, text } = await this.#send(method, verb, path, body)
    if (status < 400) return text.trim() === '' ? undefined : JSON.parse(text)
    const dockerMessage = messageOf(text)
    throw new DockerEngineError(
      `DockerEngineClient.${method}: ${verb} ${path} answered ${status}: ${dockerMessage}`,
      status,
      dockerMessage,
      `${verb} ${path}`,
    )
  }

  #send(method: string, verb: string, path: string, body?: unknown): Promise<Answer> {
    const request = `${verb} ${path}`
    const payload = body === undefined ? undefined : JSON.stringify(body)
    return new Promise((resolve, reject) => {
      const fail = (cause: Error): void =>
        reject(
          new SystemCompromisedError(
            `DockerEngineClient.${method}: ${request} failed: ${cause.message}; is the Docker daemon at ` +
              `${this.#describe()} running?`,
            { cause, context: { request } },
          ),
        )
      const req = httpRequest(
        {
          ...this.#address(),
          method: verb,
          path,
          agent: false,
          timeout: this.timeoutMs,
          headers:
            payload === undefined
              ? {}
              : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) },
        },
        (response) => {
          let text = ''
          response.setEncoding('utf8')
          response.on('data', (chunk: string) => (text += chunk))
          response.on('error', fail)
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }))
        },
      )
      req.on('timeout', () => req.destroy(new Error(`no answer within ${this.timeoutMs}ms`)))
      req.on('error', fail)
      req.end(payload)
    })
  }

  #address(): { socketPath: string } | { host: string; port: number } {
    if ('socketPath' in this.target) return { socketPath: this.target.socketPath }
    const url = new URL(this.target.url.replace(/^tcp:/, 'http:'))
    return { host: url.hostname, port: Number(url.port || 2375) }
  }

  #describe(): string {
    return 'socketPath' in this.target ? `unix://${this.target.socketPath}` : this.target.url
  }
}

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  text: string
}

function headerText(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? ''
}

function messageOf(text: string): string {
  try {
    const parsed = JSON.parse(text) as { message?: unknown }
    if (typeof parsed.message === 'string') return parsed.message
  } catch {
    // Not Docker's JSON (a proxy's page, say): show the text itself.
  }
  return JSON.stringify(text.trim())
}
