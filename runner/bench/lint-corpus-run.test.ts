import { describe, expect, it } from 'vitest'
import { lintRuleIds, resolveRuleSettings } from '../lint/index.ts'
import type { CorpusStep } from './lint-corpus.ts'
import { lintCorpus, wrapStep } from './lint-corpus-run.ts'

const source = { repo: 'Behatch/contexts', path: 'tests/features/fr/browser.feature', commit: 'a'.repeat(40) }
const step = (id: string, fields: Partial<CorpusStep>): CorpusStep => ({
  id,
  language: 'en',
  keyword: 'Then',
  text: 'the order is paid',
  label: 'what',
  source: { ...source, licence: 'Beerware' },
  ...fields,
})
// Every rule off but `on`.
const only = (...on: string[]) =>
  resolveRuleSettings(
    { rules: Object.fromEntries(lintRuleIds.map((id) => [id, on.includes(id) ? 'error' : 'off'])) },
    't',
  )

describe('wrapStep', () => {
  it("writes the step in its language's keywords, under a story and a Rule, with its table", () => {
    const wrapped = wrapStep(
      step('fr-1', { language: 'fr', keyword: 'Et', text: 'les nœuds JSON:', table: [['a|b', 'c']] }),
    )
    expect(wrapped).toEqual({
      file: 'fr-1.feature',
      text:
        '# language: fr\n@story:CORPUS\nFonctionnalité: Corpus\n  Règle: Corpus\n    Exemple: Corpus\n' +
        '      Et les nœuds JSON:\n        | a\\|b | c |\n',
      firstLine: 6,
      lastLine: 7,
    })
  })

  it('fences a doc string with ``` when it holds """', () => {
    expect(
      wrapStep(step('d-1', { docString: 'say """hi"""' }))
        .text.split('\n')
        .slice(6),
    ).toEqual(['        ```', '        say """hi"""', '        ```', ''])
  })
})

describe('lintCorpus', () => {
  const xpath = step('x-1', {
    text: 'I should see "Home" within "//div[@id=\'menu\']"',
    label: 'how',
    kind: 'selector',
  })

  it('gives each step the rules that flagged its own lines, and nothing for a rule that is off', () => {
    expect(lintCorpus([xpath], only('selector')).get('x-1')?.rules).toEqual(['selector'])
    expect(lintCorpus([xpath], only()).get('x-1')).toEqual({ rules: [], messages: [] })
  })

  it('leaves out findings on the wrapper: every wrapped scenario has the same name', () => {
    const found = lintCorpus(
      [step('a-1', {}), step('a-2', { text: 'the order is shipped' })],
      only('duplicate-scenario-name'),
    )
    expect([...found.values()]).toEqual([
      { rules: [], messages: [] },
      { rules: [], messages: [] },
    ])
  })
})
