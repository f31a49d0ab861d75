import { createRequire } from 'node:module'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { nearest } from '../../drivers/core/nearest.ts'

const prefix = '@channel:'

/**
 * The tag expression that keeps, on `channel`, every scenario except those
 * narrowed by `@channel:NAME` tags to other channels only.
 *
 * @example
 *   channelTagExpression('ui', ['api', 'ui', 'stream']) // 'not (@channel:api or @channel:stream) or @channel:ui'
 *   channelTagExpression('api', ['api']) // undefined: nothing to narrow
 */
export function channelTagExpression(channel: string, channels: readonly string[]): string | undefined {
  const others = channels.filter((other) => other !== channel)
  if (others.length === 0) return undefined
  return `not (${others.map((other) => prefix + other).join(' or ')}) or ${prefix}${channel}`
}

/**
 * Joins tag expressions with `and`, each in brackets; undefined and empty ones are left out.
 *
 * @example
 *   andTagExpressions('@smoke or @wip', 'not @channel:ui') // '(@smoke or @wip) and (not @channel:ui)'
 *   andTagExpressions(undefined, '@smoke') // '@smoke'
 */
export function andTagExpressions(...expressions: (string | undefined)[]): string {
  const present = expressions.filter((e): e is string => e !== undefined && e.trim() !== '')
  return present.length === 1 ? present[0]! : present.map((e) => `(${e})`).join(' and ')
}

/**
 * What is wrong with a scenario's `@channel:NAME` tags, if anything: a name
 * that is no channel of the run would silently run the scenario everywhere.
 *
 * @example
 *   unknownChannelTags(['@channel:apii'], ['api', 'ui'])
 *   // → ['@channel:apii names no channel — did you mean @channel:api? Channels: api, ui']
 *   unknownChannelTags(['@channel:api', '@smoke'], ['api']) // []
 */
export function unknownChannelTags(tags: readonly string[], channels: readonly string[]): string[] {
  return tags
    .filter((tag) => tag.startsWith(prefix) && !channels.includes(tag.slice(prefix.length)))
    .map((tag) => {
      const suggestion = nearest(tag.slice(prefix.length), channels)
      return (
        `${tag} names no channel${suggestion ? ` — did you mean ${prefix}${suggestion}?` : ''} Channels: ` +
        `${channels.join(', ')}`
      )
    })
}

/**
 * Throws a ConfigurationError if cucumber could not parse `expression`, so a
 * typo in `--tags` stops the run before any system starts.
 *
 * @example
 *   checkTagExpression('@smoke and not @wip') // fine
 *   checkTagExpression('@smoke and (')
 *   // → ConfigurationError: --tags: Tag expression "@smoke and (" could not be parsed …
 */
export function checkTagExpression(expression: string): void {
  // The parser cucumber itself uses, resolved from cucumber's own dependencies.
  const fromCucumber = createRequire(createRequire(import.meta.url).resolve('@cucumber/cucumber'))
  const parse = (fromCucumber('@cucumber/tag-expressions') as { default: (expression: string) => unknown }).default
  try {
    parse(expression)
  } catch (error) {
    throw new ConfigurationError(
      `--tags: ${error instanceof Error ? error.message : String(error)} Example: --tags "@smoke and not @wip"`,
      { cause: error },
    )
  }
}
