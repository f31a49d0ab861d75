import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin'
import { IdGenerator, type Step } from '@cucumber/messages'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkCorpus, corpusDir, permissiveLicences, readCorpus } from '../../bench/lint-corpus.ts'
import { wrapStep } from '../../bench/lint-corpus-run.ts'

// The corpus's shape only: what it says about the rules is for `npm run bench:lint` to print, not for a test to pin.
const holdoutDir = join(corpusDir, 'holdout')

describe.each([
  ['runner/lint/corpus', corpusDir],
  ['runner/lint/corpus/holdout', holdoutDir],
])('the lint corpus in %s', (_, dir) => {
  const steps = readCorpus(dir)

  it('is well-formed: every step labelled, from a source with a permissive licence, none repeated', () => {
    // readCorpus throws on any problem checkCorpus finds; these are the properties the bench relies on.
    for (const step of steps) {
      expect(['how', 'what']).toContain(step.label)
      expect(step.kind !== undefined).toBe(step.label === 'how')
      expect(permissiveLicences).toContain(step.source.licence)
    }
    expect(new Set(steps.map((step) => step.id)).size).toBe(steps.length)
  })

  it('wraps every step into a feature Gherkin parses back to that one step', () => {
    const parser = new Parser(new AstBuilder(IdGenerator.incrementing()), new GherkinClassicTokenMatcher())
    for (const step of steps) {
      const document = parser.parse(wrapStep(step).text)
      const parsed = document.feature?.children[0]?.rule?.children[0]?.scenario?.steps ?? []
      expect(parsed.map(asCorpusStep), step.id).toEqual([
        { keyword: step.keyword, text: step.text, table: step.table, docString: step.docString },
      ])
    }
  })
})

describe('the held-out set', () => {
  it('shares no step with the corpus', () => {
    const key = (step: { language: string; text: string }) => `${step.language} ${step.text}`
    const corpus = new Set(readCorpus(corpusDir).map(key))
    expect(readCorpus(holdoutDir).filter((step) => corpus.has(key(step)))).toEqual([])
  })
})

function asCorpusStep(step: Step) {
  return {
    keyword: step.keyword.trim(),
    text: step.text,
    table: step.dataTable?.rows.map((row) => row.cells.map((cell) => cell.value)),
    docString: step.docString?.content,
  }
}

describe('checkCorpus', () => {
  const source = { repo: 'Sylius/Sylius', path: 'features/a.feature', commit: 'a'.repeat(40), licence: 'MIT' }
  const line = (step: Record<string, unknown>) => JSON.stringify(step)
  const good = { id: 's-1', language: 'en', keyword: 'When', text: 'I press "Pay"', label: 'how', kind: 'ui', source }

  it('accepts well-formed steps, skipping blank lines', () => {
    const { steps, problems } = checkCorpus([{ file: 'a.ndjson', text: `${line(good)}\n\n` }])
    expect(problems).toEqual([])
    expect(steps).toEqual([good])
  })

  it('names the file, the line and what is wrong, for every problem', () => {
    const text = [
      '{not json',
      line({ ...good, id: 's-2', label: 'how', kind: undefined }),
      line({ ...good, id: 's-3', label: 'what' }),
      line({ ...good, id: 's-4', language: 'xx' }),
      line({ ...good, id: 's-5', keyword: 'Quand' }),
      line({ ...good, id: 's-6', source: { ...source, licence: 'GPL-3.0', commit: 'abc' } }),
      line({ ...good, id: 's-7', source: undefined, labels: 'how' }),
      line({ ...good, id: 's-8', table: [['a', 'b'], ['c']] }),
    ].join('\n')
    expect(checkCorpus([{ file: 'bad.ndjson', text }]).problems).toEqual([
      expect.stringMatching(/^bad\.ndjson:1: not JSON \(/),
      'bad.ndjson:2: a "how" step needs a kind, one of ui, transport, selector; got nothing',
      'bad.ndjson:3: a "what" step has no kind; got "ui"',
      'bad.ndjson:4: language "xx" is not one Gherkin knows',
      expect.stringMatching(/^bad\.ndjson:5: keyword "Quand" is not a step keyword of "en": \*, Given, When, /),
      'bad.ndjson:6: source.commit must be 40 hex digits, not "abc"',
      'bad.ndjson:6: source.licence must be one of MIT, Apache-2.0, BSD-2-Clause, BSD-3-Clause, ISC, 0BSD, ' +
        'Beerware, not "GPL-3.0"',
      'bad.ndjson:7: unknown field "labels"; the fields are id, language, keyword, text, table, docString, label, ' +
        'kind, source',
      'bad.ndjson:7: source is missing: { repo, path, commit, licence }',
      'bad.ndjson:8: table must be rows of strings, every row as long as the first, not [["a","b"],["c"]]',
    ])
  })

  it('finds a repeated id and a repeated step, across files', () => {
    const problems = checkCorpus([
      { file: 'a.ndjson', text: line(good) },
      { file: 'b.ndjson', text: `${line({ ...good, text: 'I pay' })}\n${line({ ...good, id: 's-9' })}` },
    ]).problems
    expect(problems).toEqual([
      'b.ndjson:1: id "s-1" is also at a.ndjson:1',
      'b.ndjson:2: the same step as at a.ndjson:1: "I press "Pay""',
    ])
  })
})
