import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin'
import { IdGenerator, type GherkinDocument } from '@cucumber/messages'
import type { RawFinding } from './finding.ts'

/**
 * A feature file as the rules see it: its lines, and its Gherkin document
 * unless the file could not be parsed.
 *
 * @example
 *   const parsed = parseFeature('specs/shop/pay.feature', 'Feature: Paying for an order\n')
 *   parsed.document?.feature?.name // 'Paying for an order'
 */
export interface ParsedFeature {
  /** As shown in findings: relative to the directory lint ran in. */
  file: string
  lines: readonly string[]
  document?: GherkinDocument
  /** Why Gherkin could not parse the file, one per problem, with its line. */
  parseErrors: RawFinding[]
}

/**
 * Parses one feature file with the official Gherkin parser. A file it cannot
 * parse gives parse errors with their lines instead of a document; it never throws.
 *
 * @example
 *   parseFeature('bad.feature', 'Feature: x\n  Given a step outside a scenario').parseErrors
 *   // [{ line: 2, column: 3, message: 'expected: #EOF, #Language, … got \'Given a step outside a scenario\'' }]
 */
export function parseFeature(file: string, source: string): ParsedFeature {
  const lines = source.split(/\r?\n/)
  const parser = new Parser(new AstBuilder(IdGenerator.incrementing()), new GherkinClassicTokenMatcher())
  try {
    return { file, lines, document: parser.parse(source), parseErrors: [] }
  } catch (error) {
    return { file, lines, parseErrors: describeParseFailure(error) }
  }
}

function describeParseFailure(error: unknown): RawFinding[] {
  // A CompositeParserException carries every problem found; other Gherkin exceptions carry one location.
  const composite = (error as { errors?: unknown } | null)?.errors
  const errors: unknown[] = Array.isArray(composite) && composite.length > 0 ? composite : [error]
  return errors.map((each) => {
    const location = (each as { location?: { line?: number; column?: number } }).location
    const text = each instanceof Error ? each.message : String(each)
    return {
      line: location?.line ?? 1,
      column: location?.column ?? 1,
      message: `Gherkin cannot parse this: ${text.replace(/^\(\d+:\d+\): /, '')}`,
    }
  })
}
