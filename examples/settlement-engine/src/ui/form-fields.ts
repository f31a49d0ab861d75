import { html, type Html } from './html.ts'
import type { FormProblem, FormState } from './form-problem.ts'

/**
 * One labelled input of a form. `form` prefixes the element id, so two forms
 * on a page never share one; the problem is shown when it names this field.
 *
 * @example
 *   declare const state: FormState | undefined
 *   textField({ form: 'bet', name: 'stake', label: 'Stake', hint: 'Per line, e.g. 10.00', state })
 */
export interface FieldSpec {
  form: string
  name: string
  label: string
  hint?: string
  state?: FormState
  /** The value when the form is fresh (no state). */
  initial?: string
}

/**
 * A labelled text input, with its hint and error as its accessible
 * description, and optional suggestions (a combobox the user may still type into).
 *
 * @example
 *   textField({ form: 'event', name: 'id', label: 'Event id' })
 *   // → <label for="event-id">Event id</label> … <input id="event-id" name="id" …>
 */
export function textField(spec: FieldSpec & { suggestions?: readonly Suggestion[] }): Html {
  const { id, aria } = fieldParts(spec)
  const suggestions = spec.suggestions ?? []
  const list = suggestions.length === 0 ? '' : html` list="${id}-suggestions"`
  const datalist =
    suggestions.length === 0 ? '' : html`<datalist id="${id}-suggestions">${suggestions.map(option)}</datalist>`
  const input = html`<input type="text" id="${id}" name="${spec.name}" value="${valueFor(spec)}"${list}${aria}>`
  return html`<div class="field">${label(id, spec.label)}${describe(id, spec)}${input}${datalist}</div>`
}

/** A value a text field offers (a `<datalist>` option): the user may still type anything. */
export interface Suggestion {
  value: string
  label?: string
}

/**
 * A labelled textarea for one-item-per-line input.
 *
 * @example
 *   textArea({ form: 'event', name: 'runners', label: 'Runners', hint: 'One per line', rows: 6 })
 */
export function textArea(spec: FieldSpec & { rows: number }): Html {
  const { id, aria } = fieldParts(spec)
  const value = valueFor(spec)
  const textarea = html`<textarea id="${id}" name="${spec.name}" rows="${spec.rows}"${aria}>${value}</textarea>`
  return html`<div class="field">${label(id, spec.label)}${describe(id, spec)}${textarea}</div>`
}

/**
 * A labelled checkbox; ticked when the sent form had it, or `initial` is 'on' on a fresh form.
 *
 * @example
 *   checkbox({ form: 'bet', name: 'eachWay', label: 'Each-way' })
 */
export function checkbox(spec: FieldSpec): Html {
  const { id, aria } = fieldParts(spec)
  const checked = spec.state ? spec.state.values.has(spec.name) : spec.initial === 'on'
  const input = html`<input type="checkbox" id="${id}" name="${spec.name}"${checked ? html` checked` : ''}${aria}>`
  return html`<div class="field check">${input}${label(id, spec.label)}${describe(id, spec)}</div>`
}

/**
 * The refusal at the top of a form, as an alert naming the field (linked to
 * it) so it is read out and findable as `role="alert"`.
 *
 * @example
 *   import { betFormLabels } from './read-bet-form.ts'
 *   problemAlert('Bet refused', 'bet', { field: 'runner', message: 'Shergar is not running in R1' }, betFormLabels)
 *   // → <div role="alert">… <a href="#bet-runner">Runner</a>: …
 */
export function problemAlert(
  title: string,
  form: string,
  problem: FormProblem | undefined,
  labels: Record<string, string>,
): Html | '' {
  if (!problem) return ''
  const label = problem.field === undefined ? undefined : labels[problem.field]
  const where = label === undefined ? '' : html`<a href="#${form}-${problem.field ?? ''}">${label}</a>: `
  return html`<div role="alert" class="alert"><p><strong>${title}.</strong> ${where}${problem.message}</p></div>`
}

// The control's id, and its aria-describedby (hint and error) and aria-invalid attributes.
function fieldParts(spec: FieldSpec): { id: string; aria: Html } {
  const id = `${spec.form}-${spec.name}`
  const error = errorFor(spec)
  const ids = [spec.hint === undefined ? '' : `${id}-hint`, error === undefined ? '' : `${id}-error`].filter(
    (part) => part !== '',
  )
  const described = ids.length === 0 ? '' : html` aria-describedby="${ids.join(' ')}"`
  const invalid = error === undefined ? '' : html` aria-invalid="true"`
  return { id, aria: html`${described}${invalid}` }
}

function option(suggestion: Suggestion): Html {
  const labelled = suggestion.label === undefined ? '' : html` label="${suggestion.label}"`
  return html`<option value="${suggestion.value}"${labelled}></option>`
}

function label(id: string, text: string): Html {
  return html`<label for="${id}">${text}</label>`
}

function describe(id: string, spec: FieldSpec): Html {
  const error = errorFor(spec)
  const hint = spec.hint === undefined ? '' : html`<span class="hint" id="${id}-hint">${spec.hint}</span>`
  const message = error === undefined ? '' : html`<span class="error" id="${id}-error">${error}</span>`
  return html`${hint}${message}`
}

function errorFor(spec: FieldSpec): string | undefined {
  const problem = spec.state?.problem
  return problem?.field === spec.name ? problem.message : undefined
}

function valueFor(spec: FieldSpec): string {
  return spec.state ? (spec.state.values.get(spec.name) ?? '') : (spec.initial ?? '')
}
