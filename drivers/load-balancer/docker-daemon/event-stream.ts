import type { ServerResponse } from 'node:http'
import type { EventBus } from './event-bus.ts'
import type { DockerEvent } from './event-json.ts'
import type { Filters } from './filters.ts'
import { matchesEvent } from './filters.ts'

/**
 * Wire-level oddities the `/events` stream can produce, to test a client's parser.
 *
 * @example
 *   import { createDockerDaemon } from './docker-daemon.ts'
 *   createDockerDaemon({ eventQuirks: { noNewlines: true, splitObjects: true } })
 *   createDockerDaemon({ eventQuirks: { bareHealthStatus: true } }) // Action 'health_status'
 */
export interface EventQuirks {
  /** Health events as Action `health_status` with the status in `Actor.Attributes.health_status`. */
  bareHealthStatus?: boolean
  /** Back-to-back JSON objects, no newline between them. */
  noNewlines?: boolean
  /** Each object written as two chunks, split mid-object. */
  splitObjects?: boolean
}

/**
 * What one `/events` request asked for.
 *
 * @example
 *   import { parseFilters } from './filters.ts'
 *   declare const response: ServerResponse, bus: EventBus
 *   const request: EventStreamRequest = {
 *     filters: parseFilters('{"type":["container"]}'),
 *     sinceNano: 0,
 *     untilNano: undefined,
 *   }
 *   streamEvents(response, bus, request, {}, Date.now)
 */
export interface EventStreamRequest {
  filters: Filters
  sinceNano: number | undefined
  untilNano: number | undefined
}

/**
 * Serves one `/events` request: replays history from `since`, then streams new
 * events until `until` passes or the client goes away.
 *
 * @example
 *   import { parseFilters } from './filters.ts'
 *   declare const response: ServerResponse, bus: EventBus
 *   streamEvents(
 *     response,
 *     bus,
 *     { filters: parseFilters(null), sinceNano: undefined, untilNano: undefined },
 *     {},
 *     Date.now,
 *   )
 *   bus.subscriberCount // 1 while the stream is open
 */
export function streamEvents(
  response: ServerResponse,
  bus: EventBus,
  request: EventStreamRequest,
  quirks: EventQuirks,
  now: () => number,
): void {
  const pieces: string[] = []
  const pump = (): void => {
    const piece = pieces.shift()
    if (piece === undefined || !response.writable) return
    response.write(piece)
    // One piece per tick makes the halves separate chunks on the wire, not one coalesced write.
    if (pieces.length > 0) setImmediate(pump)
  }
  const write = (event: DockerEvent): void => {
    if (!matchesEvent(request.filters, event)) return
    const text = JSON.stringify(event) + (quirks.noNewlines ? '' : '\n')
    if (!quirks.splitObjects) return void response.write(text)
    const half = Math.floor(text.length / 2)
    if (pieces.push(text.slice(0, half), text.slice(half)) === 2) pump()
  }
  response.flushHeaders()
  if (request.sinceNano !== undefined) bus.history(request.sinceNano, request.untilNano).forEach(write)
  const nowNano = now() * 1_000_000
  if (request.untilNano !== undefined && request.untilNano <= nowNano) return void setImmediate(() => response.end())
  const unsubscribe = bus.subscribe(write)
  const timer =
    request.untilNano === undefined
      ? undefined
      : setTimeout(() => response.end(), (request.untilNano - nowNano) / 1_000_000)
  response.on('close', () => {
    unsubscribe()
    clearTimeout(timer)
  })
}

/**
 * Reads Docker's `since`/`until` (unix seconds, fractional allowed) as unix nanoseconds.
 *
 * @example
 *   parseTimestamp('1700000000') // 1700000000000000000
 *   parseTimestamp(null) // undefined
 */
export function parseTimestamp(raw: string | null): number | undefined {
  if (raw === null || raw === '') return undefined
  const seconds = Number(raw)
  return Number.isFinite(seconds) ? seconds * 1e9 : undefined
}
