import type { EventSummary } from '../engine/engine.ts'
import { checkbox, problemAlert, textArea, textField } from './form-fields.ts'
import type { FormState } from './form-problem.ts'
import { html, type Html } from './html.ts'
import { betFormLabels as labels } from './read-bet-form.ts'
import { customerPath } from './ui-routes.ts'

/**
 * The "Place a bet" form, posting to the customer's page. Fresh, it is filled
 * in for `customer`; sent back after a refusal, it keeps what was typed and
 * shows the reason as an alert and next to the field it names.
 *
 * @example
 *   declare const engine: import('../engine/engine.ts').Engine, form: URLSearchParams
 *   renderBetForm('alice', engine.listEvents())
 *   renderBetForm('alice', engine.listEvents(), {
 *     values: form,
 *     problem: { field: 'runner', message: 'Shergar is not running in R1' },
 *   })
 */
export function renderBetForm(customer: string, events: readonly EventSummary[], state?: FormState): Html {
  const field = { form: 'bet', state }
  const open = events
    .filter((event) => event.status === 'open')
    .map((event) => ({ value: event.id, label: event.name }))
  return html`<section aria-labelledby="place-bet-heading">
<h2 id="place-bet-heading">Place a bet</h2>
<form method="post" action="${customerPath(customer)}" aria-labelledby="place-bet-heading" novalidate>
${problemAlert('Bet refused', 'bet', state?.problem, labels)}
${textField({ ...field, name: 'customer', label: labels.customer, initial: customer })}
<fieldset>
<legend>Selection</legend>
${textField({ ...field, name: 'event', label: labels.event, hint: 'The event id, e.g. R1', suggestions: open })}
${textField({ ...field, name: 'runner', label: labels.runner })}
${textField({ ...field, name: 'price', label: labels.price, hint: 'As offered: 5/1, evens, 2.25 or SP' })}
</fieldset>
${textArea({
  ...field,
  name: 'moreLegs',
  label: labels.moreLegs,
  hint: 'For a multiple: one more leg per line, as event, runner, price, e.g. R2, Red Rum, 5/1',
  rows: 3,
})}
${textField({ ...field, name: 'stake', label: labels.stake, hint: 'Per line, in pounds, e.g. 10.00' })}
${checkbox({ ...field, name: 'eachWay', label: labels.eachWay, hint: 'Win and place: costs twice the stake' })}
<button type="submit">Place bet</button>
</form>
</section>`
}
