import type { IncomingMessage, ServerResponse } from 'node:http'
import type { CommandOutcome } from '../commands.ts'
import type { SettlementEngine } from '../engine/settlement-engine.ts'
import { SettlementFeed } from '../stream/settlement-feed.ts'
import { BodyProblem, readJsonBody } from './read-json-body.ts'
import { sendError, sendJson } from './respond.ts'
import { handleStream } from './stream-route.ts'

/** What the API's handlers need besides the request. */
export interface ApiContext {
  engine: SettlementEngine
  maxBodyBytes: number
  /** Open settlement feeds, ended when the server stops. */
  feeds: Set<SettlementFeed>
}

type Handler = (
  req: IncomingMessage,
  res: ServerResponse,
  context: ApiContext,
  id: string,
  url: URL,
) => Promise<void> | void

interface Route {
  pattern: RegExp
  GET?: Handler
  POST?: Handler
}

const routes: Route[] = [
  { pattern: /^\/health$/, GET: (_req, res, { engine }) => sendJson(res, 200, engine.health()) },
  {
    pattern: /^\/events$/,
    GET: (_req, res, { engine }) => sendJson(res, 200, engine.listEvents()),
    POST: command('event'),
  },
  {
    pattern: /^\/events\/([^/]+)$/,
    GET: (_req, res, { engine }, id) => found(res, engine.getEvent(id), 'event-not-found', `no event has id "${id}"`),
  },
  { pattern: /^\/events\/([^/]+)\/withdrawals$/, POST: command('withdrawal', 'event') },
  { pattern: /^\/events\/([^/]+)\/result$/, POST: command('result', 'event') },
  { pattern: /^\/events\/([^/]+)\/void$/, POST: command('void', 'event') },
  { pattern: /^\/bets$/, POST: command('bet') },
  {
    pattern: /^\/bets\/([^/]+)$/,
    GET: (_req, res, { engine }, id) =>
      found(res, engine.getBet(id), 'bet-not-found', `no bet has id "${id}"; use the id POST /bets answered with`),
  },
  {
    pattern: /^\/customers\/([^/]+)\/bets$/,
    GET: (_req, res, { engine }, id) =>
      found(res, engine.customerBets(id), 'customer-not-found', `customer "${id}" has no bets`),
  },
  { pattern: /^\/stream$/, POST: (req, res, { engine }) => handleStream(req, res, engine) },
  { pattern: /^\/settlements$/, GET: followSettlements },
]

/**
 * Answers the request if it is one of the API's routes, and says whether it
 * did; false leaves it to the UI. A known path with another method is 405.
 *
 * @example
 *   import { handleUi } from '../ui/index.ts'
 *   declare const req: IncomingMessage, res: ServerResponse, context: ApiContext
 *   if (!(await handleApi(req, res, context, new URL(req.url ?? '/', 'http://localhost'))))
 *     await handleUi(req, res, context.engine)
 */
export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  context: ApiContext,
  url: URL,
): Promise<boolean> {
  for (const route of routes) {
    const match = route.pattern.exec(url.pathname)
    if (match === null) continue
    const method = req.method === 'HEAD' ? 'GET' : req.method
    const handler = method === 'GET' ? route.GET : method === 'POST' ? route.POST : undefined
    const allow = [route.GET ? 'GET, HEAD' : '', route.POST ? 'POST' : ''].filter(Boolean).join(', ')
    if (handler === undefined) {
      sendError(
        res,
        405,
        'method-not-allowed',
        `${req.method} is not allowed on ${url.pathname}; use ${allow}`,
        undefined,
        { allow },
      )
      return true
    }
    let id = ''
    try {
      // Ids are stored NFC-normalised (see checkName): "Zoe%CC%88" finds "Zoë".
      id = decodeURIComponent(match[1] ?? '').normalize('NFC')
    } catch {
      sendError(
        res,
        400,
        'invalid-path',
        `"${url.pathname}" has an id that is not valid percent-encoding; encode ids with encodeURIComponent`,
      )
      return true
    }
    await handler(req, res, context, id, url)
    return true
  }
  return false
}

// A POST whose JSON body is a command; the route gives its type and, for /events/{id}/…, its event.
function command(type: string, idField?: 'event'): Handler {
  return async (req, res, { engine, maxBodyBytes }, id) => {
    const body = await readJsonBody(req, maxBodyBytes)
    if (body instanceof BodyProblem) {
      sendError(
        res,
        body.status,
        body.code,
        body.message,
        body.field,
        body.status === 413 ? { connection: 'close' } : {},
      )
      return
    }
    const outcome = await engine.executeValue(
      idField === undefined ? { ...body, type } : { ...body, type, [idField]: id },
    )
    sendOutcome(res, outcome)
  }
}

function sendOutcome(res: ServerResponse, outcome: CommandOutcome): void {
  if (outcome.ok) sendJson(res, outcome.status, outcome.body)
  else sendJson(res, outcome.status, { error: outcome.error })
}

function found(res: ServerResponse, value: unknown, code: string, message: string): void {
  if (value === undefined) sendError(res, 404, code, message)
  else sendJson(res, 200, value)
}

function followSettlements(
  _req: IncomingMessage,
  res: ServerResponse,
  { engine, feeds }: ApiContext,
  _id: string,
  url: URL,
): void {
  const text = url.searchParams.get('after') ?? '0'
  const after = /^(0|[1-9][0-9]{0,15})$/.test(text) ? Number(text) : Number.NaN
  if (!Number.isSafeInteger(after)) {
    sendError(
      res,
      400,
      'invalid-field',
      `after: "${text}" is not a sequence number; send a whole number ≥ 0, e.g. ?after=1200 to resume after ` +
        `settlement 1200`,
      'after',
    )
    return
  }
  res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' })
  res.flushHeaders()
  const feed = new SettlementFeed(engine, res, after)
  feeds.add(feed)
  res.once('close', () => feeds.delete(feed))
  feed.start()
}
