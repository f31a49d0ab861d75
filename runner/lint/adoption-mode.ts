import type { Finding } from './finding.ts'
import type { ParsedFeature } from './parse-feature.ts'
import { scenariosOf } from './text-segments.ts'

const storyTag = /^@story:\S+$/

/**
 * Whether a lint runs in adoption mode: at least one file linted holds a
 * Feature, and no Feature of any file linted has a `@story:ID` tag — a suite
 * that has not started writing stories. Files Gherkin cannot parse, and files
 * without a Feature, do not count either way.
 *
 * @example
 *   import { parseFeature } from './parse-feature.ts'
 *   isAdoptionMode([parseFeature('a.feature', 'Feature: A\n  Scenario: B\n')]) // true
 *   isAdoptionMode([parseFeature('a.feature', '@story:S-1\nFeature: A\n')]) // false
 */
export function isAdoptionMode(files: readonly ParsedFeature[]): boolean {
  const features = files.flatMap((file) => (file.document?.feature ? [file.document.feature] : []))
  return features.length > 0 && features.every((feature) => !feature.tags.some((tag) => storyTag.test(tag.name)))
}

/**
 * Adoption mode's structure findings: per file, at most one line for
 * feature-without-story and scenario-outside-rule together, where there would
 * be one per Feature and one per scenario. The Feature's line keeps its rule,
 * severity and place and says how many scenarios are outside a Rule; with
 * feature-without-story off (or disabled in the file), the first scenario's
 * line says how many there are. Every other finding passes unchanged.
 *
 * @example
 *   import { parseFeature } from './parse-feature.ts'
 *   declare const findings: Finding[]
 *   summariseStructure(findings, [parseFeature('a.feature', 'Feature: A\n  Scenario: B\n')])
 *   // [{ file: 'a.feature', line: 1, column: 1, rule: 'feature-without-story',
 *   //    message: 'Feature "A" has no @story:ID tag, and none of its 1 scenario is under a Rule; …', … }]
 */
export function summariseStructure(findings: readonly Finding[], files: readonly ParsedFeature[]): Finding[] {
  const isStructure = (finding: Finding) =>
    finding.rule === 'feature-without-story' || finding.rule === 'scenario-outside-rule'
  const structureByFile = new Map<string, Finding[]>()
  for (const finding of findings.filter(isStructure)) {
    const list = structureByFile.get(finding.file) ?? []
    list.push(finding)
    structureByFile.set(finding.file, list)
  }
  const summaries = files.flatMap((parsed) => {
    const mine = structureByFile.get(parsed.file) ?? []
    const story = mine.find((finding) => finding.rule === 'feature-without-story')
    const outside = mine.filter((finding) => finding.rule === 'scenario-outside-rule')
    const scenarios = scenariosOf(parsed).length
    if (story) {
      if (outside.length === 0) return [story]
      return [{ ...story, message: `${storyMessage(parsed, outside.length, scenarios)}; ${adoptionAdvice}` }]
    }
    const [first] = outside
    if (!first || outside.length === 1) return outside
    const name = parsed.document?.feature?.name ?? ''
    return [
      {
        ...first,
        message:
          `${outside.length} of the ${scenarios} scenarios of Feature "${name}" are not under a Rule (the first is ` +
          `here); no Feature linted has a @story tag yet, so this is one line per file: put each scenario under ` +
          `the "Rule:" (acceptance criterion) it tests`,
      },
    ]
  })
  return [...findings.filter((finding) => !isStructure(finding)), ...summaries]
}

const adoptionAdvice =
  'no Feature linted has a @story tag yet, so this is one line per file: tag the Feature with its story (e.g. ' +
  '@story:SHOP-12) and put each scenario under the "Rule:" (acceptance criterion) it tests'

function storyMessage(parsed: ParsedFeature, outside: number, scenarios: number): string {
  const name = parsed.document?.feature?.name ?? ''
  const noun = scenarios === 1 ? 'scenario' : 'scenarios'
  const count =
    outside === scenarios
      ? `none of its ${scenarios} ${noun} is under a Rule`
      : `${outside} of its ${scenarios} ${noun} ${outside === 1 ? 'is' : 'are'} not under a Rule`
  return `Feature "${name}" has no @story:ID tag, and ${count}`
}
