import { request } from 'node:http'
import type { Readable } from 'node:stream'
import { SystemCompromisedError } from '../../drivers/core/errors/system-compromised-error.ts'
import { logLinesOf } from './container-logs.ts'

/**
 * The few Docker Engine API calls the runner makes itself, over the daemon's
 * unix socket and without a version prefix (the daemon answers in its own):
 * is it up, import an image, build one, read a container's log, and remove every container.
 *
 * @example
 *   const engine = new EngineRequests('/tmp/parlance-docker-x1/docker.sock')
 *   await engine.ping() // true
 */
export class EngineRequests {
  constructor(
    private readonly socketPath: string,
    private readonly timeoutMs = 120_000,
  ) {}

  /** Whether the daemon answers `GET /_ping` with OK. */
  async ping(): Promise<boolean> {
    try {
      const { status, body } = await this.call('GET', '/_ping', undefined, 2_000)
      return status === 200 && body === 'OK'
    } catch {
      return false
    }
  }

  /** `GET /version`: the daemon's version and API version. */
  async version(): Promise<{ Version: string; ApiVersion: string }> {
    return JSON.parse(this.expectOk('read the version', await this.call('GET', '/version')).body)
  }

  /** `docker import`: a root filesystem's tar stream as `repo:tag`, with Dockerfile `changes` (ENV, CMD…). */
  async importImage(tar: Readable, image: string, changes: readonly string[]): Promise<void> {
    const [repo, tag] = image.split(':')
    const query = new URLSearchParams({ fromSrc: '-', repo: repo ?? image, tag: tag ?? 'latest' })
    for (const change of changes) query.append('changes', change)
    const answer = await this.call('POST', `/images/create?${query}`, tar, undefined, 'application/x-tar')
    this.expectStreamOk(`import ${image}`, answer)
  }

  /** `docker build`: a build context's tar stream, tagged `image`. */
  async build(context: Readable, image: string): Promise<void> {
    const query = new URLSearchParams({ t: image, rm: '1', forcerm: '1' })
    const answer = await this.call('POST', `/build?${query}`, context, undefined, 'application/x-tar')
    this.expectStreamOk(`build ${image}`, answer)
  }

  /**
   * `docker logs --timestamps` of a container (stdout and stderr): each line
   * as the daemon stamped it when it read it, e.g. `2026-12-07T23:40:01.123456789Z listening on 8080`.
   */
  async logLines(id: string): Promise<string[]> {
    const path = `/containers/${encodeURIComponent(id)}/logs?stdout=1&stderr=1&timestamps=1`
    return logLinesOf(this.expectOk(`read the log of container ${id.slice(0, 12)}`, await this.call('GET', path)).bytes)
  }

  /** `docker rm -f` of every container, running or not; returns how many there were. */
  async removeAllContainers(): Promise<number> {
    const listed = this.expectOk('list the containers', await this.call('GET', '/containers/json?all=1'))
    const ids = (JSON.parse(listed.body) as { Id: string }[]).map((container) => container.Id)
    for (const id of ids) {
      const answer = await this.call('DELETE', `/containers/${id}?force=1&v=1`)
      if (answer.status !== 404) this.expectOk(`remove container ${id.slice(0, 12)}`, answer)
    }
    return ids.length
  }

  private expectOk<A extends { status: number; body: string }>(what: string, answer: A): A {
    if (answer.status >= 200 && answer.status < 300) return answer
    throw new SystemCompromisedError(
      `the Docker daemon could not ${what}: ${answer.status} ${answer.body.trim().slice(0, 500)}`,
    )
  }

  // Import and build answer 200 at once, then stream JSON lines; a failure is a line with "error".
  private expectStreamOk(what: string, answer: { status: number; body: string }): void {
    this.expectOk(what, answer)
    for (const line of answer.body.split('\n')) {
      if (line.trim() === '') continue
      let message: { error?: string }
      try {
        message = JSON.parse(line) as { error?: string }
      } catch {
        continue
      }
      if (message.error !== undefined) {
        throw new SystemCompromisedError(`the Docker daemon could not ${what}: ${message.error.trim()}`)
      }
    }
  }

  private call(
    method: string,
    path: string,
    body?: Readable,
    timeoutMs = this.timeoutMs,
    contentType?: string,
  ): Promise<{ status: number; body: string; bytes: Buffer }> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = contentType === undefined ? {} : { 'content-type': contentType }
      const req = request({ socketPath: this.socketPath, path, method, headers, timeout: timeoutMs }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => void chunks.push(chunk))
        res.on('end', () => {
          const bytes = Buffer.concat(chunks)
          resolve({ status: res.statusCode ?? 0, body: bytes.toString('utf8'), bytes })
        })
        res.on('error', reject)
      })
      req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer within ${timeoutMs} ms`)))
      req.on('error', reject)
      if (body === undefined) req.end()
      else {
        body.on('error', (error) => req.destroy(error))
        body.pipe(req)
      }
    })
  }
}
