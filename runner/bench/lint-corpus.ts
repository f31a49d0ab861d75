import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { dialects } from '@cucumber/gherkin'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'

/**
 * Which way a "how" step says how: through a UI, over the wire, or by a selector.
 *
 * @example
 *   const kind: HowKind = 'transport' // Then the response status code should be 404
 */
export type HowKind = 'ui' | 'transport' | 'selector'

/**
 * Every kind of "how", in the order reports list them.
 *
 * @example
 *   howKinds.includes('ui') // true
 */
export const howKinds: readonly HowKind[] = ['ui', 'transport', 'selector']

/**
 * Where a corpus step comes from: the public repository, the feature file, the
 * commit it was read at, and the repository's licence (an SPDX identifier).
 *
 * @example
 *   const source: CorpusSource = {
 *     repo: 'Sylius/Sylius',
 *     path: 'features/shop/homepage/viewing_only_taxons_from_menu_taxon.feature',
 *     commit: '3466cbab1098367b7107e756714f9390bf5e4bf6',
 *     licence: 'MIT',
 *   }
 */
export interface CorpusSource {
  repo: string
  path: string
  commit: string
  licence: string
}

/**
 * One labelled step of the lint corpus (runner/lint/corpus/*.ndjson): its text
 * as written, the language of its feature file, and the label a person gave it.
 *
 * @example
 *   const step: CorpusStep = {
 *     id: 'refinerycms-004',
 *     language: 'en',
 *     keyword: 'And',
 *     text: 'I follow "Create New Image"',
 *     label: 'how',
 *     kind: 'ui',
 *     source: { repo: 'refinery/refinerycms', path: 'a.feature', commit: 'c'.repeat(40), licence: 'MIT' },
 *   }
 */
export interface CorpusStep {
  id: string
  /** The feature file's `# language:`, `en` when it had none. */
  language: string
  /** The step's keyword as written, without its trailing space: `Given`, `Et`, `Étant donné qu'`. */
  keyword: string
  text: string
  table?: string[][]
  docString?: string
  label: 'how' | 'what'
  /** Set exactly when `label` is `how`. */
  kind?: HowKind
  source: CorpusSource
}

/**
 * The licences a corpus step may come under: permissive ones only, so that the
 * steps can live in this MIT repository. (GPL and AGPL suites stay out.)
 *
 * @example
 *   permissiveLicences.includes('MIT') // true
 */
export const permissiveLicences: readonly string[] = [
  'MIT',
  'Apache-2.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'ISC',
  '0BSD',
  'Beerware',
]

/**
 * The corpus in the repository: runner/lint/corpus.
 *
 * @example
 *   readCorpus(corpusDir).length // 660
 */
export const corpusDir = resolve(import.meta.dirname, '../lint/corpus')

/**
 * One corpus file: its name as problems show it, and its text (NDJSON).
 *
 * @example
 *   const file: CorpusFile = { file: 'sylius.ndjson', text: '{"id":"sylius-001", …}\n' }
 */
export interface CorpusFile {
  file: string
  text: string
}

/**
 * Reads every `*.ndjson` file of `dir` (in name order) into steps. Throws a
 * ConfigurationError listing every problem of the corpus (see `checkCorpus`).
 *
 * @example
 *   const steps = readCorpus(corpusDir)
 *   steps.filter((step) => step.label === 'how').length // 254
 */
export function readCorpus(dir: string): CorpusStep[] {
  let names: string[]
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.ndjson'))
  } catch (error) {
    throw new ConfigurationError(`cannot read the lint corpus in ${dir}: ${(error as Error).message}`, {
      cause: error,
    })
  }
  if (names.length === 0) throw new ConfigurationError(`${dir} holds no corpus file (*.ndjson)`)
  const files = names.sort().map((name) => ({ file: name, text: readFileSync(join(dir, name), 'utf8') }))
  const { steps, problems } = checkCorpus(files)
  if (problems.length > 0) {
    throw new ConfigurationError(
      `the lint corpus in ${dir} is not well-formed:\n${problems.map((problem) => `  • ${problem}`).join('\n')}`,
    )
  }
  return steps
}

/**
 * Parses corpus files and checks every line: a JSON object with exactly the
 * fields of a CorpusStep; an id; a language Gherkin knows and one of its step
 * keywords; a label, with a kind exactly on "how" steps; a source with a
 * repository, a path, a 40-digit commit and a permissive licence. Ids and
 * steps (language, text, table and doc string) must not repeat. Returns the
 * well-formed steps and one line per problem, `file:line: what is wrong`.
 *
 * @example
 *   checkCorpus([{ file: 'a.ndjson', text: '{"id":"a-1"}\n' }]).problems[0]
 *   // 'a.ndjson:1: language is missing: …'
 */
export function checkCorpus(files: readonly CorpusFile[]): { steps: CorpusStep[]; problems: string[] } {
  const steps: CorpusStep[] = []
  const problems: string[] = []
  const ids = new Map<string, string>()
  const texts = new Map<string, string>()
  for (const { file, text } of files) {
    text.split('\n').forEach((line, index) => {
      if (line.trim() === '') return
      const where = `${file}:${index + 1}`
      let value: unknown
      try {
        value = JSON.parse(line)
      } catch (error) {
        problems.push(`${where}: not JSON (${(error as Error).message})`)
        return
      }
      const found = stepProblems(value)
      if (found.length > 0) {
        problems.push(...found.map((problem) => `${where}: ${problem}`))
        return
      }
      const step = value as CorpusStep
      const sameId = ids.get(step.id)
      if (sameId) problems.push(`${where}: id "${step.id}" is also at ${sameId}`)
      ids.set(step.id, where)
      const key = JSON.stringify([step.language, step.text, step.table ?? null, step.docString ?? null])
      const sameStep = texts.get(key)
      if (sameStep) problems.push(`${where}: the same step as at ${sameStep}: "${step.text}"`)
      texts.set(key, where)
      steps.push(step)
    })
  }
  return { steps, problems }
}

const fields = ['id', 'language', 'keyword', 'text', 'table', 'docString', 'label', 'kind', 'source']
const sourceFields = ['repo', 'path', 'commit', 'licence']

function stepProblems(value: unknown): string[] {
  if (!isObject(value)) return ['not a JSON object']
  const problems = Object.keys(value)
    .filter((field) => !fields.includes(field))
    .map((field) => `unknown field "${field}"; the fields are ${fields.join(', ')}`)
  const text = (field: string, what: string) => {
    const got = value[field]
    if (got === undefined) problems.push(`${field} is missing: ${what}`)
    else if (typeof got !== 'string' || got.trim() === '') problems.push(`${field} must be ${what}, not ${show(got)}`)
  }
  text('id', 'a non-empty string, e.g. "sylius-001"')
  text('language', 'a Gherkin language code, e.g. "en" or "fr"')
  text('keyword', 'a step keyword of the language, e.g. "Given"')
  text('text', "the step's text")
  const dialect = typeof value.language === 'string' ? dialects[value.language] : undefined
  if (typeof value.language === 'string' && !dialect)
    problems.push(`language "${value.language}" is not one Gherkin knows`)
  if (dialect && typeof value.keyword === 'string') {
    const keywords = [...dialect.given, ...dialect.when, ...dialect.then, ...dialect.and, ...dialect.but]
    const known = new Set(keywords.map((keyword) => keyword.trim()))
    if (!known.has(value.keyword))
      problems.push(`keyword "${value.keyword}" is not a step keyword of "${value.language}": ${[...known].join(', ')}`)
  }
  if (value.table !== undefined && !isTable(value.table))
    problems.push(`table must be rows of strings, every row as long as the first, not ${show(value.table)}`)
  if (value.docString !== undefined && typeof value.docString !== 'string')
    problems.push(`docString must be a string, not ${show(value.docString)}`)
  if (value.label !== 'how' && value.label !== 'what')
    problems.push(`label must be "how" or "what", not ${show(value.label)}`)
  if (value.label === 'how' && !howKinds.includes(value.kind as HowKind))
    problems.push(`a "how" step needs a kind, one of ${howKinds.join(', ')}; got ${show(value.kind)}`)
  if (value.label === 'what' && value.kind !== undefined)
    problems.push(`a "what" step has no kind; got ${show(value.kind)}`)
  problems.push(...sourceProblems(value.source))
  return problems
}

function sourceProblems(source: unknown): string[] {
  if (source === undefined) return ['source is missing: { repo, path, commit, licence }']
  if (!isObject(source)) return [`source must be an object { repo, path, commit, licence }, not ${show(source)}`]
  const problems = Object.keys(source)
    .filter((field) => !sourceFields.includes(field))
    .map((field) => `unknown field "source.${field}"; the fields are ${sourceFields.join(', ')}`)
  if (typeof source.repo !== 'string' || !/^[\w.-]+\/[\w.-]+$/.test(source.repo))
    problems.push(`source.repo must be a GitHub owner/name, not ${show(source.repo)}`)
  if (typeof source.path !== 'string' || source.path.trim() === '')
    problems.push(`source.path must be the feature file's path, not ${show(source.path)}`)
  if (typeof source.commit !== 'string' || !/^[0-9a-f]{40}$/.test(source.commit))
    problems.push(`source.commit must be 40 hex digits, not ${show(source.commit)}`)
  if (typeof source.licence !== 'string' || !permissiveLicences.includes(source.licence))
    problems.push(`source.licence must be one of ${permissiveLicences.join(', ')}, not ${show(source.licence)}`)
  return problems
}

function isTable(value: unknown): value is string[][] {
  if (!Array.isArray(value) || value.length === 0) return false
  const width = Array.isArray(value[0]) ? value[0].length : -1
  return value.every(
    (row) => Array.isArray(row) && row.length === width && row.every((cell) => typeof cell === 'string'),
  )
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value)
}
