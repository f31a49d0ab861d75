import { appendEntry, findObject } from './config-text.ts'
import type { DomainNames } from './domain-names.ts'

/**
 * The system a new domain's scenarios run against: its name in the config's
 * `systems`, and whether its `env` still needs the domain's address variable
 * (`ORDERS_URL: '{address}'`), as the stub of `parlance init` does.
 *
 * @example
 *   const stub: DomainSystem = { name: 'stub', addAddress: true }
 */
export interface DomainSystem {
  name: string
  addAddress: boolean
}

/**
 * The config after adding a domain, or — when there is no place for it in the
 * text — what to paste by hand.
 *
 * @example
 *   declare const edit: ConfigEdit
 *   if ('paste' in edit) process.stderr.write(edit.paste)
 */
export type ConfigEdit = { text: string } | { paste: string }

/**
 * The domain's entry in the config's `domains`, one line each, unindented.
 *
 * @example
 *   import { domainNames } from './domain-names.ts'
 *   domainEntry(domainNames('orders'), ['api'], { name: 'stub', addAddress: true })
 *   // → ['orders: {', "  features: ['specs/orders/**\/*.feature'],", "  channels: ['api'],",
 *   //    "  systems: ['stub'],", "  support: ['specs/orders/steps/**\/*.ts'],", '},']
 */
export function domainEntry(
  names: DomainNames,
  channels: readonly string[],
  system: DomainSystem | undefined,
): string[] {
  return [
    `${names.configKey}: {`,
    `  features: ['specs/${names.name}/**/*.feature'],`,
    `  channels: [${channels.map((channel) => `'${channel}'`).join(', ')}],`,
    ...(system ? [`  systems: ['${system.name}'],`] : []),
    `  support: ['specs/${names.name}/steps/**/*.ts'],`,
    '},',
  ]
}

/**
 * Adds the domain's entry at the end of the config's `domains: {`, and its
 * address variable to its system's `env: {` when the system needs it. Either
 * both go in or neither: without a `domains: {` (or the system's `env: {`)
 * written over several lines, it gives what to paste instead.
 *
 * @example
 *   import { domainNames } from './domain-names.ts'
 *   declare const configText: string
 *   const edit = addDomainToConfig(configText, domainNames('orders'), ['api'], undefined)
 *   // → { text: '…  domains: {\n    …\n    orders: {\n      features: …' }
 */
export function addDomainToConfig(
  text: string,
  names: DomainNames,
  channels: readonly string[],
  system: DomainSystem | undefined,
): ConfigEdit {
  const entry = domainEntry(names, channels, system)
  const address = `${names.urlVariable}: '{address}',`
  let edited: string | undefined = text
  if (system?.addAddress) {
    const env = findObject(edited, ['systems', system.name, 'env'])
    edited = env && appendEntry(edited, env, [address])
  }
  const domains = edited === undefined ? undefined : findObject(edited, ['domains'])
  edited = edited !== undefined && domains ? appendEntry(edited, domains, entry) : undefined
  if (edited !== undefined) return { text: edited }
  const paste = [`In domains:`, ...entry.map((line) => `  ${line}`)]
  if (system?.addAddress) paste.push(`In systems.${system.name}.env:`, `  ${address}`)
  return { paste: paste.join('\n') }
}
