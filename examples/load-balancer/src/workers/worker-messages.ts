// What the primary and its worker processes say to each other over the IPC
// channel node:cluster gives them. Plain JSON-able objects, one `type` each.
import type { RegistrySnapshot } from '../discovery/index.ts'
import type { DrainOutcome, ProxyFigures } from '../proxy/index.ts'

/** From the primary to a worker. */
export type ToWorker =
  /** What discovery knows now; the worker's registry mirrors it. */
  | { type: 'registry'; snapshot: RegistrySnapshot }
  /** Asks for the worker's proxy figures; answered with the same `id`. */
  | { type: 'figures?'; id: number }
  /** Stop accepting, finish the requests in flight, exit. */
  | { type: 'drain' }

/** From a worker to the primary. */
export type FromWorker =
  /** Listening for messages: send the registry. */
  | { type: 'ready' }
  | { type: 'listening'; url: string }
  /** The proxy could not listen, or the worker could not start. */
  | { type: 'failed'; message: string }
  | { type: 'figures'; id: number; figures: ProxyFigures }
  | { type: 'drained'; outcome: DrainOutcome }

const toWorkerTypes: ReadonlySet<string> = new Set(['registry', 'figures?', 'drain'])
const fromWorkerTypes: ReadonlySet<string> = new Set(['ready', 'listening', 'failed', 'figures', 'drained'])

/**
 * True when `message` is one the primary sends (anything else on the channel is ignored).
 *
 * @example
 *   isToWorker({ type: 'drain' }) // true
 *   isToWorker({ cmd: 'NODE_CLUSTER' }) // false
 */
export function isToWorker(message: unknown): message is ToWorker {
  return hasType(message, toWorkerTypes)
}

/**
 * True when `message` is one a worker sends.
 *
 * @example
 *   isFromWorker({ type: 'ready' }) // true
 */
export function isFromWorker(message: unknown): message is FromWorker {
  return hasType(message, fromWorkerTypes)
}

function hasType(message: unknown, types: ReadonlySet<string>): boolean {
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof (message as { type?: unknown }).type === 'string' &&
    types.has((message as { type: string }).type)
  )
}
