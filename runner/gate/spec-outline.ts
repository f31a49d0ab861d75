import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin'
import { IdGenerator, type GherkinDocument, type Scenario } from '@cucumber/messages'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { featureOutline, type FeatureOutline } from '../../drivers/core/run-model/index.ts'

/**
 * One scenario as the spec has it (one per Examples row of an outline), keyed `uri:line` as the run model keys the
 * scenario that ran: what the gate lists as not in this run when no run has it.
 *
 * @example
 *   const scenario: SpecScenario = {
 *     key: 'features/shout.feature:14', uri: 'features/shout.feature', line: 14, name: 'Range limits',
 *   }
 */
export interface SpecScenario {
  key: string
  uri: string
  line: number
  name: string
  rule?: { name: string; line: number }
}

/**
 * A feature file's outline (its story, its Rules) with every scenario it holds.
 *
 * @example
 *   declare const spec: SpecFeature
 *   spec.scenarios.map((scenario) => scenario.key) // ['features/shout.feature:3', 'features/shout.feature:14']
 */
export interface SpecFeature extends FeatureOutline {
  scenarios: SpecScenario[]
}

/**
 * The spec of one Gherkin document (from a run's messages or a feature file); undefined for one without a Feature.
 *
 * @example
 *   declare const document: GherkinDocument
 *   specOfDocument(document)?.storyId // 'SHOP-1', or undefined for a feature without @story
 */
export function specOfDocument(document: GherkinDocument): SpecFeature | undefined {
  const outline = featureOutline(document)
  if (!outline) return undefined
  const scenarios: SpecScenario[] = []
  for (const child of document.feature!.children) {
    if (child.scenario) scenarios.push(...scenariosOf(outline.uri, child.scenario))
    if (!child.rule) continue
    const rule = { name: child.rule.name, line: child.rule.location.line }
    for (const each of child.rule.children)
      if (each.scenario) scenarios.push(...scenariosOf(outline.uri, each.scenario, rule))
  }
  return { ...outline, scenarios }
}

/**
 * The Gherkin documents of feature files: each path a `.feature` file or a directory searched for them; uris are
 * relative to `cwd`, as cucumber-js writes them. A missing path, or a file Gherkin cannot parse, is a
 * ConfigurationError naming it.
 *
 * @example
 *   readFeatureFiles(['features'], process.cwd()).map((document) => document.uri) // ['features/shout.feature']
 */
export function readFeatureFiles(paths: readonly string[], cwd: string): GherkinDocument[] {
  const files = paths.flatMap((path) => {
    const full = resolve(cwd, path)
    let isDirectory: boolean
    try {
      isDirectory = statSync(full).isDirectory()
    } catch {
      throw new ConfigurationError(
        `--features ${path}: no such file or directory; pass the feature files (*.feature) the run was made ` +
          `from, or their directory, e.g. --features features`,
      )
    }
    return isDirectory ? featureFilesIn(full) : [full]
  })
  return [...new Set(files)].map((file) => {
    const uri = relative(cwd, file).split(sep).join('/')
    const parser = new Parser(new AstBuilder(IdGenerator.incrementing()), new GherkinClassicTokenMatcher())
    try {
      return { ...parser.parse(readFileSync(file, 'utf8')), uri }
    } catch (error) {
      throw new ConfigurationError(
        `--features: ${uri} does not parse as Gherkin: ${(error as Error).message.split('\n')[0]}`,
        { cause: error },
      )
    }
  })
}

function featureFilesIn(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(directory, entry.name)
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : featureFilesIn(path)
      return entry.name.endsWith('.feature') ? [path] : []
    })
}

// A scenario, or an outline's one scenario per Examples row, named as its pickle is (<placeholders> filled in).
function scenariosOf(uri: string, scenario: Scenario, rule?: { name: string; line: number }): SpecScenario[] {
  const base = { uri, ...(rule ? { rule } : {}) }
  if (scenario.examples.length === 0) {
    const line = scenario.location.line
    return [{ key: `${uri}:${line}`, ...base, line, name: scenario.name }]
  }
  return scenario.examples.flatMap((examples) => {
    const headings = examples.tableHeader?.cells.map((cell) => cell.value) ?? []
    return examples.tableBody.map((row) => {
      const line = row.location.line
      const name = headings.reduce(
        (text, heading, i) => text.replaceAll(`<${heading}>`, row.cells[i]?.value ?? ''),
        scenario.name,
      )
      return { key: `${uri}:${line}`, ...base, line, name }
    })
  })
}
