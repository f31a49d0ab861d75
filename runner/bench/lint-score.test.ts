import { describe, expect, it } from 'vitest'
import { type StepVerdict, scoreLint } from './lint-score.ts'

// Five how steps and four what steps, scored by hand:
//   ui-words flags h1, h2, w1, w2           → 2 true, 2 false, precision 2/4
//   transport-words flags h3, h4, w2        → 2 true, 1 false, precision 2/3
//   selector flags h4                       → 1 true, 0 false, precision 1
//   literal-data (not a how rule) flags w3  → 0 true, 1 false, precision 0; catches nothing
//   caught: h1 h2 h3 h4 of h1…h5           → recall 4/5; ui 2/2, transport 1/2, selector 1/1
//   French: h5 only, missed                 → fr 0/1, en 4/4
const verdicts: StepVerdict[] = [
  { id: 'h1', label: 'how', kind: 'ui', language: 'en', rules: ['ui-words'] },
  { id: 'h2', label: 'how', kind: 'ui', language: 'en', rules: ['ui-words'] },
  { id: 'h3', label: 'how', kind: 'transport', language: 'en', rules: ['transport-words'] },
  { id: 'h4', label: 'how', kind: 'selector', language: 'en', rules: ['transport-words', 'selector'] },
  { id: 'h5', label: 'how', kind: 'transport', language: 'fr', rules: ['literal-data'] },
  { id: 'w1', label: 'what', language: 'en', rules: ['ui-words'] },
  { id: 'w2', label: 'what', language: 'fr', rules: ['ui-words', 'transport-words'] },
  { id: 'w3', label: 'what', language: 'en', rules: ['literal-data'] },
  { id: 'w4', label: 'what', language: 'en', rules: [] },
]
const howRules = ['ui-words', 'transport-words', 'selector']

describe('scoreLint', () => {
  const score = scoreLint(verdicts, [...howRules, 'long-scenario'], howRules)

  it('counts each step once per rule: true positives are how steps, false positives what steps', () => {
    expect(score.rules).toEqual([
      { rule: 'ui-words', flagged: 4, truePositives: 2, falsePositives: 2, precision: 0.5 },
      { rule: 'transport-words', flagged: 3, truePositives: 2, falsePositives: 1, precision: 2 / 3 },
      { rule: 'selector', flagged: 1, truePositives: 1, falsePositives: 0, precision: 1 },
      { rule: 'long-scenario', flagged: 0, truePositives: 0, falsePositives: 0, precision: undefined },
      { rule: 'literal-data', flagged: 2, truePositives: 1, falsePositives: 1, precision: 0.5 },
    ])
    expect(score.steps).toBe(9)
  })

  it('has recall = how steps caught by a how rule ÷ how steps, overall, per kind and per language', () => {
    expect(score.recall).toEqual({ how: 5, caught: 4, recall: 0.8 })
    expect(score.recallByKind).toEqual({
      ui: { how: 2, caught: 2, recall: 1 },
      transport: { how: 2, caught: 1, recall: 0.5 },
      selector: { how: 1, caught: 1, recall: 1 },
    })
    expect(score.recallByLanguage).toEqual({
      en: { how: 4, caught: 4, recall: 1 },
      fr: { how: 1, caught: 0, recall: 0 },
    })
  })

  it('lists the what steps a how rule flagged and the how steps none flagged, in corpus order', () => {
    expect(score.falsePositives.map((verdict) => verdict.id)).toEqual(['w1', 'w2'])
    expect(score.missed.map((verdict) => verdict.id)).toEqual(['h5'])
  })

  it('leaves precision and recall undefined when there is nothing to divide by', () => {
    const empty = scoreLint([{ id: 'w', label: 'what', language: 'en', rules: [] }], ['ui-words'], ['ui-words'])
    expect(empty.rules).toEqual([
      { rule: 'ui-words', flagged: 0, truePositives: 0, falsePositives: 0, precision: undefined },
    ])
    expect(empty.recall).toEqual({ how: 0, caught: 0, recall: undefined })
    expect(empty.recallByKind.selector).toEqual({ how: 0, caught: 0, recall: undefined })
  })
})
