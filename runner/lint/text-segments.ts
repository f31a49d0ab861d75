import type { Background, DocString, Location, Rule, Scenario, Step, TableRow } from '@cucumber/messages'
import type { ParsedFeature } from './parse-feature.ts'

/**
 * A piece of a spec's text and where it starts: a name, a step's text, a table
 * cell or a doc-string line. `header` marks the names of a table's columns, and
 * of its rows in a step's two-column (field | value) table.
 *
 * @example
 *   const step: TextSegment = { kind: 'step', text: 'Alice clicks Pay', line: 9, column: 13 }
 */
export interface TextSegment {
  kind: 'name' | 'step' | 'header' | 'cell' | 'doc'
  text: string
  line: number
  column: number
}

/**
 * Every piece of text in a parsed feature that a spec writer chose: names of
 * the feature, rules, backgrounds, scenarios and examples; steps; table cells;
 * doc-string lines. Keywords, tags and descriptions are left out.
 *
 * @example
 *   declare const parsed: ParsedFeature
 *   textSegments(parsed).filter((segment) => segment.kind === 'step').map((segment) => segment.text)
 *   // ['Alice clicks Pay', …]
 */
export function textSegments(parsed: ParsedFeature): TextSegment[] {
  const feature = parsed.document?.feature
  if (!feature) return []
  const { lines } = parsed
  return [
    ...nameSegments(feature, lines),
    ...feature.children.flatMap((child) => [
      ...(child.background ? backgroundSegments(child.background, lines) : []),
      ...(child.scenario ? scenarioSegments(child.scenario, lines) : []),
      ...(child.rule ? ruleSegments(child.rule, lines) : []),
    ]),
  ]
}

function ruleSegments(rule: Rule, lines: readonly string[]): TextSegment[] {
  return [
    ...nameSegments(rule, lines),
    ...rule.children.flatMap((child) => [
      ...(child.background ? stepSegments(child.background.steps, lines) : []),
      ...(child.scenario ? scenarioSegments(child.scenario, lines) : []),
    ]),
  ]
}

function backgroundSegments(background: Background, lines: readonly string[]): TextSegment[] {
  return [...nameSegments(background, lines), ...stepSegments(background.steps, lines)]
}

function scenarioSegments(scenario: Scenario, lines: readonly string[]): TextSegment[] {
  return [
    ...nameSegments(scenario, lines),
    ...stepSegments(scenario.steps, lines),
    ...scenario.examples.flatMap((examples) => [
      ...nameSegments(examples, lines),
      ...(examples.tableHeader ? tableSegments([examples.tableHeader, ...examples.tableBody]) : []),
    ]),
  ]
}

// A name, if it is not blank.
function nameSegments(node: { name: string; location: Location }, lines: readonly string[]): TextSegment[] {
  const { name, location } = node
  if (name.trim() === '') return []
  const column = location.column ?? 1
  // Gherkin gives the keyword's column; the name starts after "Keyword: ".
  const found = lines[location.line - 1]?.indexOf(name, column - 1) ?? -1
  return [{ kind: 'name', text: name, line: location.line, column: found >= 0 ? found + 1 : column }]
}

function stepSegments(steps: readonly Step[], lines: readonly string[]): TextSegment[] {
  return steps.flatMap((step): TextSegment[] => {
    const column = (step.location.column ?? 1) + step.keyword.length
    return [
      { kind: 'step', text: step.text, line: step.location.line, column },
      ...(step.dataTable ? tableSegments(step.dataTable.rows, isVertical(step.dataTable.rows)) : []),
      ...(step.docString ? docSegments(step.docString, lines) : []),
    ]
  })
}

// The cells that are not empty; those of the first row are the names of the columns, and in a vertical table
// (field | value) the first cell of every row is the name of a field.
function tableSegments(rows: readonly TableRow[], vertical = false): TextSegment[] {
  return rows.flatMap((row, i) =>
    row.cells
      .map((cell, j) => ({ cell, isName: i === 0 || (vertical && j === 0) }))
      .filter(({ cell }) => cell.value !== '')
      .map(({ cell, isName }): TextSegment => {
        const column = cell.location.column ?? 1
        return { kind: isName ? 'header' : 'cell', text: cell.value, line: cell.location.line, column }
      }),
  )
}

// A step's table of two columns is read as field | value, the shape cucumber's rowsHash() takes.
function isVertical(rows: readonly TableRow[]): boolean {
  return rows.length > 1 && rows.every((row) => row.cells.length === 2)
}

// The lines that are not blank, each where it starts in the file.
function docSegments(docString: DocString, lines: readonly string[]): TextSegment[] {
  return docString.content.split('\n').flatMap((text, i): TextSegment[] => {
    if (text.trim() === '') return []
    const line = docString.location.line + 1 + i
    const found = lines[line - 1]?.indexOf(text) ?? -1
    return [{ kind: 'doc', text, line, column: found >= 0 ? found + 1 : 1 }]
  })
}

/**
 * The text with every quoted string ("…" or '…') blanked out, keeping columns:
 * quoted text is data the spec quotes (a message, a name), not the spec's own words.
 *
 * @example
 *   withoutQuotes('the reason is "no refund button"') // 'the reason is "               "'
 */
export function withoutQuotes(text: string): string {
  return text.replace(quoted, (found) => `${found[0]}${' '.repeat(found.length - 2)}${found[0]}`)
}

// An apostrophe inside a word ("Alice's") opens no quote: a quote starts after a non-word character.
const quoted = /"[^"]*"|(?<!\w)'[^']*'(?!\w)/g

/**
 * The quoted strings of a text ("…" or '…', as withoutQuotes finds them): where
 * each one's content starts, and the content without its quotes.
 *
 * @example
 *   quotedSpans('Alice presses "#pay" twice') // [{ start: 15, text: '#pay' }]
 */
export function quotedSpans(text: string): { start: number; text: string }[] {
  return [...text.matchAll(quoted)].map((match) => ({ start: match.index + 1, text: match[0].slice(1, -1) }))
}

/**
 * Every scenario of a parsed feature, with the Rule it is under, if any.
 *
 * @example
 *   declare const parsed: ParsedFeature
 *   scenariosOf(parsed).filter(({ inRule }) => !inRule) // scenarios outside a Rule
 */
export function scenariosOf(parsed: ParsedFeature): { scenario: Scenario; inRule: boolean }[] {
  const feature = parsed.document?.feature
  if (!feature) return []
  return feature.children.flatMap((child) => [
    ...(child.scenario ? [{ scenario: child.scenario, inRule: false }] : []),
    ...(child.rule?.children.flatMap((ruleChild) =>
      ruleChild.scenario ? [{ scenario: ruleChild.scenario, inRule: true }] : [],
    ) ?? []),
  ])
}
