import { ConfigurationError } from '../../../drivers/core/errors/configuration-error.ts'
import type { AliasParts, AliasStrategy } from './alias-types.ts'

/**
 * Asks `strategy` for the real name and checks it: a string, within the
 * strategy's own rules, and keeping every letter and digit of the unique part
 * (otherwise names from different scenarios or runs could collide).
 *
 * @example
 *   import { defaultStrategy } from './default-strategy.ts'
 *   const parts: AliasParts = { name: 'Alice', base: 'alice', unique: 'r7k2-x9q2bz' }
 *   makeRealName(defaultStrategy, parts) // 'Alice r7k2-x9q2bz'
 *   makeRealName({ name: 'short', make: ({ base }) => base }, parts) // throws ConfigurationError
 */
export function makeRealName(strategy: AliasStrategy, parts: AliasParts): string {
  const value: unknown = strategy.make(parts)
  const made =
    `Cannot alias ${JSON.stringify(parts.name)}: strategy ${JSON.stringify(strategy.name)} made ` +
    `${JSON.stringify(value) ?? String(value)}`
  if (typeof value !== 'string' || value === '') {
    throw new ConfigurationError(
      `${made}, which is not a real name. A strategy's make() must return a non-empty string.`,
    )
  }
  const broken = strategy.check?.(value)
  if (broken !== undefined) {
    throw new ConfigurationError(
      `${made}, which breaks its own rule: ${broken}. Fix the strategy so that make() keeps what check() asks.`,
    )
  }
  if (!lettersAndDigits(value).includes(lettersAndDigits(parts.unique))) {
    throw new ConfigurationError(
      `${made}, which does not keep the unique part ${JSON.stringify(parts.unique)}, so names from different ` +
        `scenarios ` +
        `or runs could collide. Keep every letter and digit of \`unique\`, in order.`,
    )
  }
  return value
}

/**
 * Checks a literal name against the strategy's rules: a literal is never
 * changed, but the system's field still has them.
 *
 * @example
 *   import { charset } from './charset.ts'
 *   checkLiteral(charset('A-Z0-9'), 'GBP') // fine
 *   checkLiteral(charset('A-Z0-9'), 'gb-p') // throws ConfigurationError
 */
export function checkLiteral(strategy: AliasStrategy, name: string): void {
  const broken = strategy.check?.(name)
  if (broken !== undefined) {
    throw new ConfigurationError(
      `Cannot use ${JSON.stringify(name)} as a literal name: it breaks the rule of strategy ` +
        `${JSON.stringify(strategy.name)}: ` +
        `${broken}. Write the name as the system needs it, or alias it instead.`,
    )
  }
}

function lettersAndDigits(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '')
}
