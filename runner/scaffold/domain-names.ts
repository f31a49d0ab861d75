import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'

/**
 * A domain's name in every form the generated files need.
 *
 * @example
 *   const names: DomainNames = {
 *     name: 'order-history',
 *     camel: 'orderHistory',
 *     pascal: 'OrderHistory',
 *     urlVariable: 'ORDER_HISTORY_URL',
 *     story: 'ORDER-HISTORY',
 *     configKey: "'order-history'",
 *   }
 */
export interface DomainNames {
  /** As given: folders, files, the config's key. */
  name: string
  /** The DSL's factory, `this.use(orderHistory)`. */
  camel: string
  /** Classes: `OrderHistoryDsl`, `ApiOrderHistoryDriver`. */
  pascal: string
  /** The environment variable that holds the system's address. */
  urlVariable: string
  /** The feature's story tag, `@story:ORDER-HISTORY-1`. */
  story: string
  /** The key in the config's `domains`, quoted when it is not an identifier. */
  configKey: string
}

const namePattern = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/

// The factory's name must be a binding of its own: not a reserved word, nor a name the step glue gives a parameter.
const reserved = new Set(
  (
    'await break case catch class const continue debugger default delete do else enum export extends false finally ' +
    'for function if implements import in instanceof interface let new null package private protected public ' +
    'return static super switch this throw true try typeof var void while with yield'
  ).split(' '),
)
const stepParameters = ['customer', 'item', 'quantity', 'reason']

/**
 * Checks a domain name — lower-case letters, digits and single hyphens,
 * starting with a letter — and gives its forms, or throws a
 * ConfigurationError that says what a name may be.
 *
 * @example
 *   domainNames('order-history').pascal // 'OrderHistory'
 *   domainNames('Orders')
 *   // → ConfigurationError: "Orders" is not a domain name: use lower-case letters, digits and hyphens, …
 */
export function domainNames(name: string): DomainNames {
  if (!namePattern.test(name)) {
    throw new ConfigurationError(
      `"${name}" is not a domain name: use lower-case letters, digits and hyphens, starting with a letter, ` +
        'e.g. orders or order-history',
    )
  }
  const words = name.split('-')
  const pascal = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('')
  const camel = pascal[0]!.toLowerCase() + pascal.slice(1)
  if (reserved.has(camel) || stepParameters.includes(camel)) {
    const why = reserved.has(camel)
      ? `${camel} is a reserved word in JavaScript`
      : `the generated step glue names a parameter ${camel}`
    throw new ConfigurationError(
      `"${name}" cannot be a domain name: its DSL is used as this.use(${camel}), and ${why}; choose another, ` +
        `e.g. ${name}s or my-${name}`,
    )
  }
  return {
    name,
    camel,
    pascal,
    urlVariable: `${words.join('_').toUpperCase()}_URL`,
    story: name.toUpperCase(),
    configKey: words.length === 1 ? name : `'${name}'`,
  }
}
