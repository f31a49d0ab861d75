import { dialects } from '@cucumber/gherkin'
import { type FeatureSource, lintSources, type resolveRuleSettings } from '../lint/index.ts'
import type { CorpusStep } from './lint-corpus.ts'

/**
 * A step wrapped in the smallest feature lint accepts without complaint: the
 * step's `# language:`, a story tag, a Rule and a Scenario, then the step with
 * its table or doc string. `firstLine`–`lastLine` are the step's own lines.
 *
 * @example
 *   const wrapped: WrappedStep = { file: 'sylius-001.feature', text: '# language: en\n…', firstLine: 6, lastLine: 6 }
 */
export interface WrappedStep {
  file: string
  text: string
  firstLine: number
  lastLine: number
}

/**
 * Wraps one corpus step in a feature of its language, with a story and a Rule,
 * so that only what the step itself says can be flagged.
 *
 * @example
 *   declare const step: CorpusStep
 *   wrapStep({ ...step, language: 'fr', keyword: 'Quand', text: 'je presse "Envoyer"' }).text
 *   // '# language: fr\n@story:CORPUS\nFonctionnalité: Corpus\n  Règle: Corpus\n    Exemple: Corpus\n' +
 *   // '      Quand je presse "Envoyer"\n'
 */
export function wrapStep(step: CorpusStep): WrappedStep {
  const dialect = dialects[step.language]
  if (!dialect)
    throw new RangeError(`wrapStep: language "${step.language}" of step ${step.id} is not one Gherkin knows`)
  const lines = [
    `# language: ${step.language}`,
    '@story:CORPUS',
    `${dialect.feature[0]}: Corpus`,
    `  ${dialect.rule[0]}: Corpus`,
    `    ${dialect.scenario[0]}: Corpus`,
    `      ${step.keyword} ${step.text}`,
  ]
  const firstLine = lines.length
  for (const row of step.table ?? []) lines.push(`        | ${row.map(escapeCell).join(' | ')} |`)
  if (step.docString !== undefined) {
    const fence = step.docString.includes('"""') ? '```' : '"""'
    lines.push(`        ${fence}`, ...step.docString.split('\n').map((line) => `        ${line}`), `        ${fence}`)
  }
  return { file: `${step.id}.feature`, text: `${lines.join('\n')}\n`, firstLine, lastLine: lines.length }
}

/**
 * What lint said about one step: the rules that flagged it (each once, in the
 * order of their first finding) and their findings' messages.
 *
 * @example
 *   const said: StepFindings = { rules: ['ui-words'], messages: ['"press" says how, through the UI; …'] }
 */
export interface StepFindings {
  rules: string[]
  messages: string[]
}

/**
 * Lints every step on its own (one wrapped feature each, all in one run) with
 * `settings`, and returns each step's findings by step id. Findings outside a
 * step's own lines — on the wrapper — are left out.
 *
 * @example
 *   import { resolveRuleSettings } from '../lint/index.ts'
 *   declare const steps: CorpusStep[]
 *   lintCorpus(steps, resolveRuleSettings(undefined, '')).get('refinerycms-004')
 *   // { rules: ['ui-words'], messages: ['"follow" says how, through the UI; …'] }
 */
export function lintCorpus(
  steps: readonly CorpusStep[],
  settings: ReturnType<typeof resolveRuleSettings>,
): Map<string, StepFindings> {
  const wrapped = new Map(steps.map((step) => [step.id, wrapStep(step)]))
  const sources: FeatureSource[] = [...wrapped.values()].map(({ file, text }) => ({ file, text }))
  const byFile = new Map([...wrapped].map(([id, each]) => [each.file, { id, each }]))
  const said = new Map<string, StepFindings>(steps.map((step) => [step.id, { rules: [], messages: [] }]))
  for (const finding of lintSources(sources, settings)) {
    const owner = byFile.get(finding.file)
    if (!owner || finding.line < owner.each.firstLine || finding.line > owner.each.lastLine) continue
    const findings = said.get(owner.id)!
    if (!findings.rules.includes(finding.rule)) findings.rules.push(finding.rule)
    findings.messages.push(finding.message)
  }
  return said
}

function escapeCell(cell: string): string {
  return cell.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('\n', '\\n')
}
