import type { LedgerStep, ScenarioModel } from './project-model.ts'

type Keyword = 'Given' | 'When' | 'Then'

/**
 * The generated project's feature file: one Gherkin scenario per model, its
 * steps in the generated project's own words, `@channel:NAME` where narrowed.
 *
 * @example
 *   import { Money } from '../core/values/index.ts'
 *   featureText([
 *     { name: 'Alice is paid', steps: [{ action: 'is paid', customer: 'Alice', amount: Money.pounds(5) }] },
 *   ])
 *   // 'Feature: The ledger\n\n  Scenario: Alice is paid\n    When Alice is paid £5.00\n'
 */
export function featureText(scenarios: readonly ScenarioModel[]): string {
  const lines = ['Feature: The ledger']
  for (const scenario of scenarios) {
    lines.push('')
    if (scenario.onlyOn) lines.push(`  @channel:${scenario.onlyOn}`)
    lines.push(`  Scenario: ${scenario.name}`)
    let previous: Keyword | undefined
    for (const step of scenario.steps) {
      const [keyword, text] = stepText(step)
      lines.push(`    ${keyword === previous ? 'And' : keyword} ${text}`)
      previous = keyword
    }
  }
  return `${lines.join('\n')}\n`
}

function stepText(step: LedgerStep): [Keyword, string] {
  switch (step.action) {
    case 'opens an account':
      return ['Given', `${step.customer} opens an account`]
    case 'places a bet':
      return [
        'When',
        `${step.customer} places a bet with "${step.args.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`,
      ]
    case 'is paid':
      return ['When', `${step.customer} is paid ${step.amount}`]
    case 'asks for a refund':
      return ['When', `${step.customer} asks for a refund`]
    case 'has been paid':
      return ['Then', `${step.customer} has been paid ${step.amount}`]
  }
}
