import { type HowKind, howKinds } from './lint-corpus.ts'

/**
 * One labelled step and the rules that flagged it.
 *
 * @example
 *   const verdict: StepVerdict = { id: 'refinerycms-004', label: 'how', kind: 'ui', language: 'en', rules: [] }
 */
export interface StepVerdict {
  id: string
  label: 'how' | 'what'
  kind?: HowKind
  language: string
  rules: readonly string[]
}

/**
 * How one rule did: the steps it flagged, how many of them a person marked
 * "how" (true positives) and "what" (false positives), and its precision,
 * true ÷ flagged (undefined when it flagged nothing).
 *
 * @example
 *   const score: RuleScore = { rule: 'ui-words', flagged: 20, truePositives: 18, falsePositives: 2, precision: 0.9 }
 */
export interface RuleScore {
  rule: string
  flagged: number
  truePositives: number
  falsePositives: number
  precision: number | undefined
}

/**
 * Of `how` labelled steps, how many some "how" rule `caught`; recall is
 * caught ÷ how (undefined when there are none).
 *
 * @example
 *   const recall: Recall = { how: 10, caught: 8, recall: 0.8 }
 */
export interface Recall {
  how: number
  caught: number
  recall: number | undefined
}

/**
 * Everything the lint bench computes from the verdicts: a score per rule,
 * recall on the "how" steps overall, per kind and per language, and the steps
 * the "how" rules got wrong.
 *
 * @example
 *   declare const verdicts: StepVerdict[]
 *   const score: LintScore = scoreLint(verdicts, ['ui-words'], ['ui-words'])
 */
export interface LintScore {
  steps: number
  rules: RuleScore[]
  recall: Recall
  recallByKind: Record<HowKind, Recall>
  recallByLanguage: Record<string, Recall>
  /** "what" steps flagged by a "how" rule: what costs precision. */
  falsePositives: StepVerdict[]
  /** "how" steps no "how" rule flagged: what costs recall. */
  missed: StepVerdict[]
}

/**
 * Scores lint against the labels. Every rule of `rules` gets a row (those that
 * flagged nothing too), in that order, then any other rule that flagged a step.
 * A step counts once per rule, however many findings it has. A "how" step is
 * caught when any rule of `howRules` flagged it.
 *
 * @example
 *   scoreLint(
 *     [
 *       { id: 'a', label: 'how', kind: 'ui', language: 'en', rules: ['ui-words'] },
 *       { id: 'b', label: 'what', language: 'en', rules: ['ui-words'] },
 *     ],
 *     ['ui-words'],
 *     ['ui-words'],
 *   ).rules[0]
 *   // { rule: 'ui-words', flagged: 2, truePositives: 1, falsePositives: 1, precision: 0.5 }
 */
export function scoreLint(
  verdicts: readonly StepVerdict[],
  rules: readonly string[],
  howRules: readonly string[],
): LintScore {
  const flaggedRules = verdicts.flatMap((verdict) => verdict.rules)
  const ruleIds = [...new Set([...rules, ...flaggedRules])]
  const scores = ruleIds.map((rule): RuleScore => {
    const flagged = verdicts.filter((verdict) => verdict.rules.includes(rule))
    const truePositives = flagged.filter((verdict) => verdict.label === 'how').length
    return {
      rule,
      flagged: flagged.length,
      truePositives,
      falsePositives: flagged.length - truePositives,
      precision: flagged.length === 0 ? undefined : truePositives / flagged.length,
    }
  })
  const caught = (verdict: StepVerdict) => verdict.rules.some((rule) => howRules.includes(rule))
  const how = verdicts.filter((verdict) => verdict.label === 'how')
  const languages = [...new Set(how.map((verdict) => verdict.language))].sort()
  return {
    steps: verdicts.length,
    rules: scores,
    recall: recallOf(how, caught),
    recallByKind: Object.fromEntries(
      howKinds.map((kind) => [
        kind,
        recallOf(
          how.filter((verdict) => verdict.kind === kind),
          caught,
        ),
      ]),
    ) as Record<HowKind, Recall>,
    recallByLanguage: Object.fromEntries(
      languages.map((language) => [
        language,
        recallOf(
          how.filter((verdict) => verdict.language === language),
          caught,
        ),
      ]),
    ),
    falsePositives: verdicts.filter((verdict) => verdict.label === 'what' && caught(verdict)),
    missed: how.filter((verdict) => !caught(verdict)),
  }
}

function recallOf(how: readonly StepVerdict[], caught: (verdict: StepVerdict) => boolean): Recall {
  const count = how.filter(caught).length
  return { how: how.length, caught: count, recall: how.length === 0 ? undefined : count / how.length }
}
