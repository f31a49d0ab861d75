import type { DataTable, DocString, Examples, Scenario, Step, TableRow } from '@cucumber/messages'
import type { ParsedFeature } from './parse-feature.ts'

/**
 * A piece of a spec's text and where it starts: a name, a step's text, a table
 * cell or a doc-string line. `header` marks the names of a table's columns.
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
  const segments: TextSegment[] = []
  const name = (text: string, line: number, column: number): void => {
    if (text.trim() === '') return
    // Gherkin gives the keyword's column; the name starts after "Keyword: ".
    const found = parsed.lines[line - 1]?.indexOf(text, column - 1) ?? -1
    segments.push({ kind: 'name', text, line, column: found >= 0 ? found + 1 : column })
  }
  const steps = (list: readonly Step[]): void => {
    for (const step of list) {
      segments.push({ kind: 'step', text: step.text, line: step.location.line, column: (step.location.column ?? 1) + step.keyword.length })
      if (step.dataTable) table(step.dataTable)
      if (step.docString) doc(step.docString)
    }
  }
  const table = (dataTable: Pick<DataTable, 'rows'>, header?: TableRow): void => {
    const rows = header ? [header, ...dataTable.rows] : dataTable.rows
    rows.forEach((row, i) => {
      for (const cell of row.cells) {
        if (cell.value === '') continue
        segments.push({ kind: i === 0 ? 'header' : 'cell', text: cell.value, line: cell.location.line, column: cell.location.column ?? 1 })
      }
    })
  }
  const doc = (docString: DocString): void => {
    docString.content.split('\n').forEach((text, i) => {
      const line = docString.location.line + 1 + i
      const found = text === '' ? -1 : (parsed.lines[line - 1]?.indexOf(text) ?? -1)
      if (text.trim() !== '') segments.push({ kind: 'doc', text, line, column: found >= 0 ? found + 1 : 1 })
    })
  }
  const examples = (list: readonly Examples[]): void => {
    for (const each of list) {
      name(each.name, each.location.line, each.location.column ?? 1)
      if (each.tableHeader) table({ rows: each.tableBody }, each.tableHeader)
    }
  }
  const scenario = (node: Scenario): void => {
    name(node.name, node.location.line, node.location.column ?? 1)
    steps(node.steps)
    examples(node.examples)
  }
  name(feature.name, feature.location.line, feature.location.column ?? 1)
  for (const child of feature.children) {
    if (child.background) {
      name(child.background.name, child.background.location.line, child.background.location.column ?? 1)
      steps(child.background.steps)
    }
    if (child.scenario) scenario(child.scenario)
    if (child.rule) {
      name(child.rule.name, child.rule.location.line, child.rule.location.column ?? 1)
      for (const ruleChild of child.rule.children) {
        if (ruleChild.background) steps(ruleChild.background.steps)
        if (ruleChild.scenario) scenario(ruleChild.scenario)
      }
    }
  }
  return segments
}

/**
 * The text with every quoted string ("…" or '…') blanked out, keeping columns:
 * quoted text is data the spec quotes (a message, a name), not the spec's own words.
 *
 * @example
 *   withoutQuotes('the reason is "no refund button"') // 'the reason is "               "'
 */
export function withoutQuotes(text: string): string {
  // An apostrophe inside a word ("Alice's") opens no quote: a quote starts after a non-word character.
  return text.replace(/"[^"]*"|(?<!\w)'[^']*'(?!\w)/g, (quoted) => `${quoted[0]}${' '.repeat(quoted.length - 2)}${quoted[0]}`)
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
    ...(child.rule?.children.flatMap((ruleChild) => (ruleChild.scenario ? [{ scenario: ruleChild.scenario, inRule: true }] : [])) ?? []),
  ])
}
