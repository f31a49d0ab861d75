import type { Refusal } from '../commands.ts'

/**
 * Why a form was not accepted, with the form field (an input's `name`) it is about, if any.
 *
 * @example
 *   const problem: FormProblem = { message: 'Dobbin is not a runner in R1', field: 'runner' }
 */
export interface FormProblem {
  message: string
  field?: string
}

/**
 * A form read into a command, or the problem that stopped it before the engine saw it.
 *
 * @example
 *   import { readBetForm } from './read-bet-form.ts'
 *   declare const form: URLSearchParams, engine: import('../engine/engine.ts').Engine
 *   const shaped = readBetForm(form)
 *   if (shaped.ok) await engine.execute(shaped.command)
 */
export type ShapedCommand<C> = { ok: true; command: C } | { ok: false; problem: FormProblem }

/**
 * What a form shows when it comes back: the values the user sent and the problem, if any.
 *
 * @example
 *   import { renderTraderPage } from './render-trader-page.ts'
 *   declare const events: import('../engine/engine.ts').EventView[], form: URLSearchParams
 *   renderTraderPage({ events, eventForm: { values: form, problem: { field: 'id', message: 'R1 already exists' } } })
 */
export interface FormState {
  values: URLSearchParams
  problem?: FormProblem
}

/**
 * The engine's refusal as a form problem: its message, next to the form field
 * its `field` names (`toFormField` maps the command's field to an input name).
 *
 * @example
 *   declare const refusal: Refusal
 *   problemFromRefusal(refusal, (field) => (field === 'runners' ? 'runners' : undefined))
 */
export function problemFromRefusal(refusal: Refusal, toFormField: (field: string) => string | undefined): FormProblem {
  const field = refusal.error.field === undefined ? undefined : toFormField(refusal.error.field)
  return field === undefined ? { message: refusal.error.message } : { message: refusal.error.message, field }
}

/**
 * A form's trimmed text value; '' when absent.
 *
 * @example
 *   formText(new URLSearchParams('runner=+Dobbin+'), 'runner') // 'Dobbin'
 */
export function formText(form: URLSearchParams, name: string): string {
  return (form.get(name) ?? '').trim()
}

/**
 * A form's non-blank lines, trimmed (textareas send CRLF).
 *
 * @example
 *   formLines(new URLSearchParams('runners=Dobbin%0D%0A%0D%0A+Red+Rum'), 'runners') // ['Dobbin', 'Red Rum']
 */
export function formLines(form: URLSearchParams, name: string): string[] {
  return (form.get(name) ?? '')
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

/**
 * Whether a checkbox was ticked (browsers send it only then).
 *
 * @example
 *   formChecked(new URLSearchParams('eachWay=on'), 'eachWay') // true
 */
export function formChecked(form: URLSearchParams, name: string): boolean {
  return form.has(name)
}
