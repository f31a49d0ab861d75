// A few dozen lines of Docker Engine API for discovery's tests: the container
// list (with the `id` filter) and a held-open /events stream. The full
// emulator lives in drivers/; this one stays here so the example needs nothing
// from outside itself.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { rm } from 'node:fs/promises'
import type { ContainerSummary } from '../container-summary.ts'

/** Where the fake listens. */
export type FakeDaemonAddress = { socketPath: string } | { port: number }

/**
 * A fake Docker daemon on a unix socket or TCP port.
 *
 * @example
 *   const daemon = await FakeDockerDaemon.start({ socketPath: '/tmp/d.sock' })
 *   declare const container: ContainerSummary
 *   daemon.containers.push(container); daemon.emit({ Type: 'container', Action: 'start', Actor: { ID: container.Id } })
 */
export class FakeDockerDaemon {
  containers: ContainerSummary[] = []
  /** Runs before each container listing is answered, e.g. to emit events meanwhile. */
  beforeList: () => Promise<void> | void = () => {}
  /** Answer 500 to listings filtered by id, as a struggling daemon might. */
  failLookups = false
  /** The `API-Version` `/_ping` answers, as Docker 24 by default; `undefined` sends none (nor `/version`). */
  apiVersion: string | undefined = '1.43'
  readonly requests: string[] = []
  readonly #streams = new Set<ServerResponse>()
  #server: Server | undefined

  #address: FakeDaemonAddress

  private constructor(address: FakeDaemonAddress) {
    this.#address = address
  }

  /** Starts listening; `{ port: 0 }` picks a free port, read back from `url`. */
  static async start(address: FakeDaemonAddress): Promise<FakeDockerDaemon> {
    const daemon = new FakeDockerDaemon(address)
    await daemon.listen()
    return daemon
  }

  /** The docker host URL to hand discovery. */
  get url(): string {
    if ('socketPath' in this.#address) return `unix://${this.#address.socketPath}`
    const bound = this.#server?.address()
    const port = typeof bound === 'object' && bound !== null ? bound.port : this.#address.port
    return `tcp://127.0.0.1:${port}`
  }

  /** Open /events connections. */
  get streamCount(): number {
    return this.#streams.size
  }

  /** Sends one event to every open stream, as raw text if a string. */
  emit(event: object | string): void {
    const text = typeof event === 'string' ? event : `${JSON.stringify(event)}\n`
    for (const stream of this.#streams) stream.write(text)
  }

  /** Cuts every /events connection, as a daemon restart or network blip does. */
  dropStreams(): void {
    for (const stream of this.#streams) stream.socket?.destroy()
    this.#streams.clear()
  }

  /** Stops listening and cuts every connection. */
  async stop(): Promise<void> {
    const server = this.#server
    if (server === undefined) return
    this.#server = undefined
    this.dropStreams()
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  /** Listens again on the same address after `stop()`. */
  async listen(): Promise<void> {
    if ('socketPath' in this.#address) await rm(this.#address.socketPath, { force: true })
    const server = createServer((req, res) => void this.#handle(req, res))
    const port = 'port' in this.#address ? this.#address.port : undefined
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      if ('socketPath' in this.#address) server.listen(this.#address.socketPath, resolve)
      else server.listen(port, '127.0.0.1', resolve)
    })
    if ('port' in this.#address && this.#address.port === 0) {
      const bound = server.address()
      if (typeof bound === 'object' && bound !== null) this.#address = { port: bound.port }
    }
    this.#server = server
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://docker')
    this.requests.push(`${req.method} ${url.pathname}${url.search}`)
    if (url.pathname === '/_ping') {
      res.writeHead(200, this.apiVersion === undefined ? {} : { 'api-version': this.apiVersion }).end('OK')
      return
    }
    if (url.pathname === '/version') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ Version: '1.11.2' }))
      return
    }
    url.pathname = url.pathname.replace(/^\/v\d+\.\d+/, '')
    if (url.pathname === '/containers/json') {
      await this.beforeList()
      const filters = JSON.parse(url.searchParams.get('filters') ?? '{}') as { id?: string[] }
      if (filters.id !== undefined && this.failLookups) {
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"message":"lookup failed"}')
        return
      }
      const list = this.containers.filter((c) => filters.id === undefined || filters.id.includes(c.Id))
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(list))
      return
    }
    if (url.pathname === '/events') {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.flushHeaders()
      this.#streams.add(res)
      res.on('close', () => this.#streams.delete(res))
      return
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"page not found"}')
  }
}
