// The web UI: server-rendered pages for the punter and the trader, plain
// forms, no client-side script. Mounted in front of the HTTP API.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Engine } from '../engine/engine.ts'
import { FormBodyError } from './form-body.ts'
import { findCustomer, placeBet, showHome, showMyBets } from './punter-handlers.ts'
import { renderMessagePage } from './render-message-page.ts'
import { sendPage } from './send-page.ts'
import { actOnEvent, createEvent, showEvent, showTrader } from './trader-handlers.ts'
import { matchUiRoute, type UiRoute } from './ui-routes.ts'
import type { UiRequest } from './ui-request.ts'

/**
 * Answers the request if it is one of the UI's pages or forms, and says
 * whether it did; false leaves it to the API. Engine errors (not refusals)
 * are thrown to the caller, which answers 500.
 *
 * Routes: `GET /`, `GET /customers?customer=`, `GET|POST /customers/{customer}`,
 * `GET /trader`, `POST /trader/events`, `GET /trader/events/{id}`,
 * `POST /trader/events/{id}/withdrawals|result|void`.
 *
 * @example
 *   import { createServer } from 'node:http'
 *   import { handleApi, type ApiContext } from '../http/api-routes.ts'
 *   declare const context: ApiContext
 *   createServer(async (req, res) => {
 *     if (!(await handleUi(req, res, context.engine)))
 *       await handleApi(req, res, context, new URL(req.url ?? '/', 'http://localhost'))
 *   })
 */
export async function handleUi(req: IncomingMessage, res: ServerResponse, engine: Engine): Promise<boolean> {
  const method = req.method ?? 'GET'
  const url = new URL(req.url ?? '/', 'http://ui.invalid')
  const route = matchUiRoute(method, url.pathname)
  if (!route) return false
  const request: UiRequest = { req, res, engine, url, head: method === 'HEAD' }
  try {
    await answer(request, route)
  } catch (error) {
    if (!(error instanceof FormBodyError)) throw error
    const section = url.pathname.startsWith('/trader') ? 'trader' : 'punter'
    const page = renderMessagePage({
      title: 'Form not accepted',
      section,
      message: error.message,
      next: { href: url.pathname, text: 'Back to the form' },
    })
    sendPage(res, error.status, page, { headers: { connection: 'close' } })
  }
  return true
}

async function answer(request: UiRequest, route: UiRoute): Promise<void> {
  switch (route.name) {
    case 'home':
      return showHome(request)
    case 'find customer':
      return findCustomer(request)
    case 'my bets':
      return showMyBets(request, route.customer)
    case 'place bet':
      return placeBet(request, route.customer)
    case 'trader':
      return showTrader(request)
    case 'create event':
      return createEvent(request)
    case 'event':
      return showEvent(request, route.event)
    case 'withdraw runner':
      return actOnEvent(request, route.event, 'withdrawal')
    case 'declare result':
      return actOnEvent(request, route.event, 'result')
    case 'void race':
      return actOnEvent(request, route.event, 'void')
    case 'method not allowed':
      return sendPage(
        request.res,
        405,
        renderMessagePage({
          title: 'Not allowed',
          section: 'punter',
          message: `${request.req.method ?? ''} is not allowed here; use ${route.allow}.`,
          next: { href: '/', text: 'Home' },
        }),
        {
          headers: { allow: route.allow },
        },
      )
    case 'bad path':
      return sendPage(
        request.res,
        400,
        renderMessagePage({
          title: 'Bad address',
          section: 'punter',
          message: `"${request.url.pathname}" is not a valid address: a name in it is wrongly encoded.`,
          next: { href: '/', text: 'Home' },
        }),
      )
  }
}
