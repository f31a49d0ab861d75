import type { BetView, Engine } from '../engine/engine.ts'
import { executeForm } from './execute-form.ts'
import type { FormState } from './form-problem.ts'
import { noticeQuery } from './notices.ts'
import { betFormField, readBetForm } from './read-bet-form.ts'
import { renderBetsPage } from './render-bets-page.ts'
import { renderHomePage } from './render-home-page.ts'
import { readFormBody } from './form-body.ts'
import { redirect, sendPage } from './send-page.ts'
import { customerPath } from './ui-routes.ts'
import type { UiRequest } from './ui-request.ts'

/**
 * `GET /`: the form to find a customer's bets.
 *
 * @example
 *   declare const request: UiRequest
 *   showHome(request)
 */
export function showHome({ res, head }: UiRequest): void {
  sendPage(res, 200, renderHomePage(), { head })
}

/**
 * `GET /customers?customer=alice`: on to `/customers/alice`; with no name,
 * the front page again with the problem at the field.
 *
 * @example
 *   declare const request: UiRequest
 *   findCustomer(request) // 303 Location: /customers/alice
 */
export function findCustomer({ res, url, head }: UiRequest): void {
  const customer = (url.searchParams.get('customer') ?? '').trim()
  if (customer !== '') return redirect(res, customerPath(customer))
  const state: FormState = {
    values: url.searchParams,
    problem: { field: 'customer', message: 'Enter a customer name to see their bets.' },
  }
  sendPage(res, 400, renderHomePage(state), { head })
}

/**
 * `GET /customers/{customer}`: the "My bets" page, with a confirmation when
 * the query carries one; `status` and `betForm` re-render a refused bet.
 *
 * @example
 *   declare const request: UiRequest
 *   showMyBets(request, 'alice')
 */
export function showMyBets(
  { res, engine, url, head }: UiRequest,
  customer: string,
  refused?: { status: number; betForm: FormState },
): void {
  const page = renderBetsPage({
    customer,
    bets: betsWithBreakdowns(engine, customer),
    events: engine.listEvents(),
    query: url.searchParams,
    betForm: refused?.betForm,
  })
  sendPage(res, refused?.status ?? 200, page, { head })
}

/**
 * `POST /customers/{customer}`: the "Place a bet" form. Accepted, it redirects
 * to the bettor's page with "Bet B1 placed."; refused, the page comes back
 * with the engine's reason next to the field it names.
 *
 * @example
 *   declare const request: UiRequest
 *   await placeBet(request, 'alice') // 303 Location: /customers/alice?done=placed&bet=B1
 */
export async function placeBet(request: UiRequest, customer: string): Promise<void> {
  const form = await readFormBody(request.req)
  const done = await executeForm(request.engine, readBetForm(form), (field) => betFormField(field, form))
  if (!done.ok)
    return showMyBets(request, customer, { status: done.status, betForm: { values: form, problem: done.problem } })
  redirect(
    request.res,
    customerPath(done.command.customer) + noticeQuery({ done: 'placed', bet: String(done.body.id ?? '') }),
  )
}

// The engine may leave breakdowns out of a customer's list (they are worked out on demand); ask per settled bet.
function betsWithBreakdowns(engine: Engine, customer: string): BetView[] {
  return (engine.customerBets(customer) ?? []).map((bet) =>
    bet.status === 'open' || bet.breakdown !== undefined ? bet : (engine.getBet(bet.id) ?? bet),
  )
}
