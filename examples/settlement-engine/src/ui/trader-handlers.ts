import type { Command } from '../commands.ts'
import type { EventView } from '../engine/engine.ts'
import { executeForm } from './execute-form.ts'
import { readFormBody } from './form-body.ts'
import type { FormState, ShapedCommand } from './form-problem.ts'
import { noticeQuery, type Notice } from './notices.ts'
import {
  eventFormLabels,
  readEventForm,
  readResultForm,
  readWithdrawalForm,
  resultFormLabels,
  traderFormField,
  withdrawalFormLabels,
} from './read-trader-forms.ts'
import type { EventFormState } from './render-event-forms.ts'
import { renderEventPage } from './render-event-page.ts'
import { renderMessagePage } from './render-message-page.ts'
import { renderTraderPage } from './render-trader-page.ts'
import { redirect, sendPage } from './send-page.ts'
import { eventPath } from './ui-routes.ts'
import type { UiRequest } from './ui-request.ts'

/**
 * `GET /trader`: the "Create an event" form and the events list;
 * `refused` re-renders a refused form with its status.
 *
 * @example
 *   declare const request: UiRequest
 *   showTrader(request)
 */
export function showTrader(
  { res, engine, url, head }: UiRequest,
  refused?: { status: number; eventForm: FormState },
): void {
  const events = engine.listEvents().flatMap((summary) => engine.getEvent(summary.id) ?? [])
  sendPage(
    res,
    refused?.status ?? 200,
    renderTraderPage({ events, query: url.searchParams, eventForm: refused?.eventForm }),
    { head },
  )
}

/**
 * `POST /trader/events`: creates an event, then back to `/trader` with "Event R1 created."
 *
 * @example
 *   declare const request: UiRequest
 *   await createEvent(request) // 303 Location: /trader?done=created&event=R1
 */
export async function createEvent(request: UiRequest): Promise<void> {
  const form = await readFormBody(request.req)
  const done = await executeForm(request.engine, readEventForm(form), (field) =>
    traderFormField(field, eventFormLabels),
  )
  if (!done.ok) return showTrader(request, { status: done.status, eventForm: { values: form, problem: done.problem } })
  redirect(request.res, `/trader${noticeQuery({ done: 'created', event: done.command.id })}`)
}

/**
 * `GET /trader/events/{id}`: the event's page; 404 when there is no such event.
 *
 * @example
 *   declare const request: UiRequest
 *   showEvent(request, 'R1')
 */
export function showEvent(request: UiRequest, id: string, refused?: { status: number; form: EventFormState }): void {
  const event = request.engine.getEvent(id)
  if (!event) return sendNoEvent(request, id)
  sendPage(
    request.res,
    refused?.status ?? 200,
    renderEventPage({ event, query: request.url.searchParams, refused: refused?.form }),
    { head: request.head },
  )
}

/** The trader's actions on an event, by the form that sends them. */
export type EventAction = 'withdrawal' | 'result' | 'void'

/**
 * `POST /trader/events/{id}/withdrawals|result|void`: applies the action,
 * then back to the event's page with what was done; refused, the page comes
 * back with the engine's reason at the form and the field it names.
 *
 * @example
 *   declare const request: UiRequest
 *   await actOnEvent(request, 'R1', 'void') // 303 Location: /trader/events/R1?done=voided&event=R1
 */
export async function actOnEvent(request: UiRequest, id: string, action: EventAction): Promise<void> {
  const form = await readFormBody(request.req)
  if (!request.engine.getEvent(id)) return sendNoEvent(request, id)
  const shaped: ShapedCommand<Command> =
    action === 'withdrawal'
      ? readWithdrawalForm(id, form)
      : action === 'result'
        ? readResultForm(id, form)
        : { ok: true, command: { type: 'void', event: id } }
  const labels = action === 'withdrawal' ? withdrawalFormLabels : action === 'result' ? resultFormLabels : {}
  const done = await executeForm(request.engine, shaped, (field) => traderFormField(field, labels))
  if (!done.ok)
    return showEvent(request, id, { status: done.status, form: { form: action, values: form, problem: done.problem } })
  redirect(request.res, eventPath(id) + noticeQuery(noticeOf(action, id, form, request.engine.getEvent(id))))
}

function noticeOf(action: EventAction, event: string, form: URLSearchParams, after: EventView | undefined): Notice {
  if (action === 'withdrawal') return { done: 'withdrawn', event, runner: (form.get('runner') ?? '').trim() }
  if (action === 'void') return { done: 'voided', event }
  const version = after?.result?.version ?? 1
  return { done: version > 1 ? 'amended' : 'declared', event, version: String(version) }
}

function sendNoEvent({ res, head }: UiRequest, id: string): void {
  const page = renderMessagePage({
    title: 'No such event',
    section: 'trader',
    message: `No event has id "${id}". Create it on the trader's page first.`,
    next: { href: '/trader', text: 'All events' },
  })
  sendPage(res, 404, page, { head })
}
