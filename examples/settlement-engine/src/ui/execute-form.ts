import type { Command } from '../commands.ts'
import type { Engine } from '../engine/engine.ts'
import { problemFromRefusal, type FormProblem, type ShapedCommand } from './form-problem.ts'

/**
 * A form's command carried out, or why not: the problem and the HTTP status
 * the page comes back with (the engine's, or 400 when the form could not
 * even be read into a command).
 *
 * @example
 *   import { betFormField, readBetForm } from './read-bet-form.ts'
 *   import { showMyBets } from './punter-handlers.ts'
 *   declare const request: import('./ui-request.ts').UiRequest, form: URLSearchParams
 *   const done = await executeForm(request.engine, readBetForm(form), (field) => betFormField(field, form))
 *   if (!done.ok)
 *     showMyBets(request, 'alice', { status: done.status, betForm: { values: form, problem: done.problem } })
 */
export type FormOutcome<C extends Command> =
  | { ok: true; command: C; body: Record<string, unknown> }
  | { ok: false; status: number; problem: FormProblem }

/**
 * Executes a shaped form's command; a refusal becomes a problem at the
 * form field `toFormField` maps the refusal's field to.
 *
 * @example
 *   import { eventFormLabels, readEventForm, traderFormField } from './read-trader-forms.ts'
 *   declare const engine: Engine, form: URLSearchParams
 *   await executeForm(engine, readEventForm(form), (field) => traderFormField(field, eventFormLabels))
 */
export async function executeForm<C extends Command>(
  engine: Engine,
  shaped: ShapedCommand<C>,
  toFormField: (field: string) => string | undefined,
): Promise<FormOutcome<C>> {
  if (!shaped.ok) return { ok: false, status: 400, problem: shaped.problem }
  const outcome = await engine.execute(shaped.command)
  if (outcome.ok) return { ok: true, command: shaped.command, body: outcome.body }
  return { ok: false, status: outcome.status, problem: problemFromRefusal(outcome, toFormField) }
}
