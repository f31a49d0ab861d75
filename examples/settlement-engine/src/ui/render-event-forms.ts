import type { EventView } from '../engine/engine.ts'
import { checkbox, problemAlert, textArea, textField } from './form-fields.ts'
import type { FormState } from './form-problem.ts'
import { html, type Html } from './html.ts'
import { resultFormLabels, withdrawalFormLabels } from './read-trader-forms.ts'
import { eventPath } from './ui-routes.ts'

/** Which of an event's forms was sent back, and with what. */
export type EventFormState = { form: 'withdrawal' | 'result' | 'void' } & FormState

/**
 * An event's three trader forms: "Withdraw a runner", "Declare the result"
 * (or "Amend the result", filled in with the current one, once resulted)
 * and "Void the race". The form that was refused keeps its values and shows why.
 *
 * @example
 *   declare const event: EventView, form: URLSearchParams
 *   renderEventForms(event, {
 *     form: 'withdrawal',
 *     values: form,
 *     problem: { field: 'runner', message: 'Shergar is not in R1' },
 *   })
 */
export function renderEventForms(event: EventView, refused?: EventFormState): Html {
  const stateOf = (form: EventFormState['form']) => (refused?.form === form ? refused : undefined)
  return html`${withdrawalForm(event, stateOf('withdrawal'))}
${resultForm(event, stateOf('result'))}
${voidForm(event, stateOf('void'))}`
}

function withdrawalForm(event: EventView, state: FormState | undefined): Html {
  const labels = withdrawalFormLabels
  const field = { form: 'withdrawal', state }
  const running = event.runners.filter((runner) => !runner.withdrawn).map((runner) => ({ value: runner.name }))
  return html`<section aria-labelledby="withdrawal-heading">
<h2 id="withdrawal-heading">Withdraw a runner</h2>
<form method="post" action="${eventPath(event.id)}/withdrawals" aria-labelledby="withdrawal-heading" novalidate>
${problemAlert('Withdrawal refused', 'withdrawal', state?.problem, labels)}
${textField({ ...field, name: 'runner', label: labels.runner, suggestions: running })}
${textField({
  ...field,
  name: 'price',
  label: labels.price,
  hint: 'The price when withdrawn, e.g. 3/1: it sets the Rule 4 deduction',
})}
${checkbox({ ...field, name: 'late', label: labels.late, hint: 'No new market formed: SP bets are deducted too' })}
<button type="submit">Withdraw runner</button>
</form>
</section>`
}

function resultForm(event: EventView, state: FormState | undefined): Html {
  const labels = resultFormLabels
  const amending = event.result !== undefined
  const heading = amending ? 'Amend the result' : 'Declare the result'
  const field = { form: 'result', state }
  const placings = event.result?.placings.map((group) => group.join(', ')).join('\n') ?? ''
  const startingPrices = Object.entries(event.result?.startingPrices ?? {})
    .map(([runner, price]) => `${runner}: ${price}`)
    .join('\n')
  return html`<section aria-labelledby="result-heading">
<h2 id="result-heading">${heading}</h2>
<form method="post" action="${eventPath(event.id)}/result" aria-labelledby="result-heading" novalidate>
${problemAlert(amending ? 'Amendment refused' : 'Result refused', 'result', state?.problem, labels)}
${textArea({
  ...field,
  name: 'placings',
  label: labels.placings,
  hint: 'One line per finishing position, first first; a dead heat as "A, B" on one line',
  rows: 4,
  initial: placings,
})}
${textArea({
  ...field,
  name: 'startingPrices',
  label: labels.startingPrices,
  hint: 'Optional: one per line as "runner: price", e.g. Dobbin: 5/1',
  rows: 4,
  initial: startingPrices,
})}
<button type="submit">${amending ? 'Amend result' : 'Declare result'}</button>
</form>
</section>`
}

function voidForm(event: EventView, state: FormState | undefined): Html {
  return html`<section aria-labelledby="void-heading">
<h2 id="void-heading">Void the race</h2>
<form method="post" action="${eventPath(event.id)}/void" aria-labelledby="void-heading" novalidate>
${problemAlert('Void refused', 'void', state?.problem, {})}
<p>Bets on a void race are refunded; in a multiple the leg is void and the other legs stand.</p>
<button type="submit" class="danger">Void race</button>
</form>
</section>`
}
