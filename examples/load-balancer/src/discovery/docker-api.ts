// The two Docker Engine API calls discovery makes, over node:http on a unix
// socket or TCP. `agent: false` gives each call its own socket, closed with
// it, so nothing is left open after close().
import { request, type ClientRequest } from 'node:http'
import { requestOptionsFor, type DockerHost } from './docker-host.ts'
import { JsonObjectSplitter } from './json-object-stream.ts'
import type { ContainerSummary } from './container-summary.ts'

const EVENTS_PATH = `/events?filters=${encodeURIComponent(JSON.stringify({ type: ['container'] }))}`

/** A daemon and the API version negotiated with it (`negotiateApiVersion`): paths go to `/v{apiVersion}/…`. */
export interface DockerApi {
  dockerHost: DockerHost
  apiVersion: string
}

/**
 * `GET /containers/json`, optionally filtered (Docker's `filters` query).
 *
 * @example
 *   declare const dockerHost: DockerHost
 *   const containers = await listContainers({ dockerHost, apiVersion: '1.41' }, { id: ['abc'] })
 */
export function listContainers(
  { dockerHost, apiVersion }: DockerApi,
  filters?: Record<string, string[]>,
  signal?: AbortSignal,
): Promise<ContainerSummary[]> {
  const query = filters === undefined ? '' : `?filters=${encodeURIComponent(JSON.stringify(filters))}`
  const path = `/v${apiVersion}/containers/json${query}`
  return new Promise((resolve, reject) => {
    const req = request({ ...requestOptionsFor(dockerHost), path, method: 'GET', agent: false, signal }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', reject)
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8')
        if (res.statusCode !== 200) {
          reject(
            new Error(
              `Docker daemon at ${dockerHost.url}: GET ${path} answered ${res.statusCode}: ${body.slice(0, 200)}`,
            ),
          )
          return
        }
        try {
          const parsed: unknown = JSON.parse(body)
          if (!Array.isArray(parsed)) throw new Error(`expected a JSON array, got ${body.slice(0, 80)}`)
          resolve(parsed as ContainerSummary[])
        } catch (error) {
          reject(
            new Error(`Docker daemon at ${dockerHost.url}: GET ${path} sent a body that is not a container list`, {
              cause: error,
            }),
          )
        }
      })
    })
    req.on('error', (error) =>
      reject(
        new Error(`Docker daemon at ${dockerHost.url} unreachable for GET ${path}: ${error.message}`, { cause: error }),
      ),
    )
    req.end()
  })
}

/** Callbacks for one `/events` connection. */
export interface EventStreamHandlers {
  /** The daemon accepted the stream: events from now on will arrive. */
  onOpen(): void
  onEvent(event: unknown): void
  /** The stream ended or failed; called once. Not called after `close()`. */
  onEnd(error: Error): void
}

/**
 * Opens `GET /events` filtered to containers; returns a function that closes it.
 *
 * @example
 *   declare const dockerHost: DockerHost
 *   const close = openEventStream({ dockerHost, apiVersion: '1.43' }, {
 *     onOpen: () => {},
 *     onEvent: (event) => console.log(event),
 *     onEnd: (error) => console.error(error.message),
 *   })
 */
export function openEventStream({ dockerHost, apiVersion }: DockerApi, handlers: EventStreamHandlers): () => void {
  let done = false
  const end = (error: Error): void => {
    if (done) return
    done = true
    req.destroy()
    handlers.onEnd(error)
  }
  const req: ClientRequest = request(
    { ...requestOptionsFor(dockerHost), path: `/v${apiVersion}${EVENTS_PATH}`, method: 'GET', agent: false },
    (res) => {
      if (res.statusCode !== 200) {
        end(new Error(`Docker daemon at ${dockerHost.url}: GET /events answered ${res.statusCode}`))
        return
      }
      handlers.onOpen()
      const splitter = new JsonObjectSplitter()
      res.on('data', (chunk: Buffer) => {
        if (done) return
        try {
          for (const text of splitter.push(chunk)) handlers.onEvent(JSON.parse(text))
        } catch (error) {
          end(new Error(`Docker daemon at ${dockerHost.url}: GET /events sent bad JSON`, { cause: error }))
        }
      })
      res.on('error', (error) =>
        end(new Error(`Docker daemon at ${dockerHost.url}: /events stream failed: ${error.message}`, { cause: error })),
      )
      res.on('end', () => end(new Error(`Docker daemon at ${dockerHost.url}: /events stream ended`)))
      res.on('close', () => end(new Error(`Docker daemon at ${dockerHost.url}: /events stream closed`)))
    },
  )
  req.on('error', (error) =>
    end(
      new Error(`Docker daemon at ${dockerHost.url} unreachable for GET /events: ${error.message}`, { cause: error }),
    ),
  )
  req.end()
  return () => {
    done = true
    req.destroy()
  }
}
