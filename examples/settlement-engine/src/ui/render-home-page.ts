import { problemAlert, textField } from './form-fields.ts'
import type { FormState } from './form-problem.ts'
import { html, type Html } from './html.ts'
import { renderPage } from './layout.ts'

/**
 * The punter's front page: a form that goes to a customer's "My bets" by name
 * (`GET /customers?customer=…`, redirected to `/customers/{customer}`).
 *
 * @example
 *   renderHomePage()
 *   renderHomePage({
 *     values: new URLSearchParams('customer='),
 *     problem: { field: 'customer', message: 'Enter your customer name.' },
 *   })
 */
export function renderHomePage(state?: FormState): Html {
  const content = html`<section aria-labelledby="find-heading">
<h2 id="find-heading">Find your bets</h2>
<form method="get" action="/customers" aria-labelledby="find-heading" novalidate>
${problemAlert('No customer', 'find', state?.problem, { customer: 'Customer' })}
${textField({ form: 'find', name: 'customer', label: 'Customer', hint: 'Your customer name, e.g. alice', state })}
<button type="submit">Show my bets</button>
</form>
</section>`
  return renderPage({ title: 'Punter', section: 'punter', content })
}
