// The ids of dod.html's sections, made from a channel and a scenario's or criterion's `uri:line`. Letters and
// digits are kept; every other character becomes `_<hex code>_`, so '-' only ever separates the parts and two
// different keys never share an id: `specs/a-b.feature:6` and `specs/a/b.feature:6` stay apart.

/**
 * The id of the section listing a criterion's (or a loose scenario's) runs on one channel: what its cell links to.
 *
 * @example
 *   cellAnchor('api', 'specs/orders.feature:5') // 'cell-api-specs_2f_orders_2e_feature_3a_5'
 */
export function cellAnchor(channel: string, rowKey: string): string {
  return `cell-${idPart(channel)}-${idPart(rowKey)}`
}

/**
 * The id of one scenario's run on one channel: its attempts, steps and attachments.
 *
 * @example
 *   runAnchor('ui', 'specs/orders.feature:6') // 'run-ui-specs_2f_orders_2e_feature_3a_6'
 */
export function runAnchor(channel: string, scenarioKey: string): string {
  return `run-${idPart(channel)}-${idPart(scenarioKey)}`
}

/**
 * The id of a criterion's row in its story's table: where a reason about the criterion links to.
 *
 * @example
 *   rowAnchor('specs/orders.feature:15') // 'row-specs_2f_orders_2e_feature_3a_15'
 */
export function rowAnchor(rowKey: string): string {
  return `row-${idPart(rowKey)}`
}

/**
 * The id of a domain's section.
 *
 * @example
 *   domainAnchor('load-balancer') // 'domain-load_2d_balancer'
 */
export function domainAnchor(name: string): string {
  return `domain-${idPart(name)}`
}

function idPart(text: string): string {
  return [...text].map((char) => (/^[A-Za-z0-9]$/.test(char) ? char : `_${hex(char)}_`)).join('')
}

function hex(char: string): string {
  return char.codePointAt(0)!.toString(16)
}
