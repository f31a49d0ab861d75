import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Engine } from '../engine/engine.ts'

/**
 * One request the UI answers: the exchange, the engine, the parsed URL, and
 * whether it is a HEAD (headers only).
 *
 * @example
 *   import { showMyBets } from './punter-handlers.ts'
 *   declare const req: IncomingMessage, res: ServerResponse, engine: Engine
 *   showMyBets({ req, res, engine, url: new URL('http://localhost/customers/alice'), head: false }, 'alice')
 */
export interface UiRequest {
  req: IncomingMessage
  res: ServerResponse
  engine: Engine
  url: URL
  head: boolean
}
