/**
 * What a system's placeholders stand for once it is ready: its address, the
 * named groups of its ready lines, and the addresses of the systems it starts after.
 *
 * @example
 *   const values: TemplateValues = {
 *     address: 'http://127.0.0.1:4000',
 *     groups: { admin: 'http://127.0.0.1:4001' },
 *     addresses: { docker: 'tcp://127.0.0.1:2375' },
 *   }
 */
export interface TemplateValues {
  address: string
  groups: Readonly<Record<string, string>>
  addresses: Readonly<Record<string, string>>
}

const placeholderPattern = /\{([^{}]*)\}/g
const addressOfPrefix = 'address:'

/**
 * The placeholders in a text, without their braces, in order.
 *
 * @example
 *   placeholdersIn('{address}/admin?docker={address:docker}') // ['address', 'address:docker']
 */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(placeholderPattern)].map((match) => match[1] ?? '')
}

/**
 * The system a placeholder's `{address:NAME}` names, or undefined for any other placeholder.
 *
 * @example
 *   systemAddressed('address:docker') // 'docker'
 *   systemAddressed('admin') // undefined
 */
export function systemAddressed(placeholder: string): string | undefined {
  return placeholder.startsWith(addressOfPrefix) ? placeholder.slice(addressOfPrefix.length) : undefined
}

/**
 * Replaces `{address:NAME}` by system NAME's address, as in `args` and
 * `processEnv`; other placeholders (`{tempDir}`) are left for their own step.
 *
 * @example
 *   fillAddressesOf('--docker-host={address:docker}', { docker: 'tcp://127.0.0.1:2375' })
 *   // → '--docker-host=tcp://127.0.0.1:2375'
 */
export function fillAddressesOf(text: string, addresses: Readonly<Record<string, string>>): string {
  return text.replace(placeholderPattern, (placeholder, name: string) => {
    const system = systemAddressed(name)
    return system !== undefined && Object.hasOwn(addresses, system) ? (addresses[system] ?? '') : placeholder
  })
}

/**
 * Fills an `env` template: `{address}`, `{address:NAME}` and `{GROUP}` for a
 * named group of the ready lines. A group that did not take part in the match
 * stands for the empty string; anything else is left as it is.
 *
 * @example
 *   fillEnvTemplate('{admin}/stats', {
 *     address: 'http://127.0.0.1:4000',
 *     groups: { admin: 'http://127.0.0.1:4001' },
 *     addresses: {},
 *   })
 *   // 'http://127.0.0.1:4001/stats'
 */
export function fillEnvTemplate(template: string, values: TemplateValues): string {
  return fillAddressesOf(template, values.addresses).replace(placeholderPattern, (placeholder, name: string) => {
    if (name === 'address') return values.address
    if (systemAddressed(name) !== undefined) return placeholder
    return Object.hasOwn(values.groups, name) ? (values.groups[name] ?? '') : placeholder
  })
}

/**
 * The names of a pattern's named capture groups, in order.
 *
 * @example
 *   namedGroups(/on (?<public>\S+) admin (?<admin>\S+)/) // ['public', 'admin']
 */
export function namedGroups(pattern: RegExp): string[] {
  // An empty alternative makes any pattern match '', so exec() reports every group.
  return Object.keys(new RegExp(`${pattern.source}|`).exec('')?.groups ?? {})
}
