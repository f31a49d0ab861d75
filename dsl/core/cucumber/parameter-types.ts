import { defineParameterType } from '@cucumber/cucumber'
import { ConfigurationError } from '../../../drivers/core/errors/configuration-error.ts'
import { Duration } from '../../../drivers/core/values/duration.ts'
import { Money } from '../../../drivers/core/values/money.ts'
import { Odds } from '../../../drivers/core/values/odds.ts'

/**
 * The Gherkin parameter types every Parlance project gets: `{money}` (£10,
 * £10.50, 250p → Money), `{odds}` (5/2, evens, 2.5, SP → Odds) and
 * `{duration}` (250ms, 2s → Duration).
 *
 * @example
 *   import { When } from '@cucumber/cucumber'
 *   When('Alice stakes {money} at {odds}', function (stake: Money, price: Odds) {}) // "When Alice stakes £10 at 5/2"
 */
export function defineParlanceParameterTypes(): void {
  defineParameterType({
    name: 'money',
    regexp: /-?£\d+(?:\.\d{1,2})?|-?\d+p/,
    transformer: (text: string) => parseValue('money', text, Money.parse),
  })
  defineParameterType({
    name: 'odds',
    regexp: /\d+\/\d+|evens|evs|SP|\d+\.\d+/,
    transformer: (text: string) => parseValue('odds', text, Odds.parse),
  })
  defineParameterType({
    name: 'duration',
    regexp: /\d+(?:\.\d+)?(?:ms|s|m|h)\b/,
    transformer: (text: string) => parseValue('duration', text, Duration.parse),
  })
}

function parseValue<T>(type: string, text: string, parse: (text: string) => T): T {
  try {
    return parse(text)
  } catch (error) {
    throw new ConfigurationError(
      `{${type}}: cannot read "${text}": ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    )
  }
}
