import type { Cell, ScenarioRun } from '../../drivers/core/run-model/index.ts'
import type { SystemDeath } from '../systems/system-death.ts'

/**
 * What one gate cell says: a scenario's (or a criterion's worst scenario's)
 * cell on one channel, or `none`: not required there and not run there.
 *
 * @example
 *   const mark: GateCell = 'flaky'
 */
export type GateCell = Cell | 'none'

/**
 * Whether a criterion is tested by this run: `tested`, `not-in-this-run` (its
 * scenarios were filtered out: shown, not judged) or `no-scenario` (the spec
 * has none: red).
 *
 * @example
 *   const coverage: Coverage = 'not-in-this-run'
 */
export type Coverage = 'tested' | 'not-in-this-run' | 'no-scenario'

/**
 * One row of the gate's table: a criterion (a Rule) of a story, or a scenario
 * outside any Rule or of a feature without `@story`.
 *
 * @example
 *   const row: GateRow = {
 *     story: 'SET-4', feature: 'Dead heats', uri: 'specs/settlement/dead-heats.feature', line: 6,
 *     criterion: 'Dead heats divide the stake', coverage: 'tested', cells: { api: 'passed', ui: 'assertion-failed' },
 *     scenarios: ['specs/settlement/dead-heats.feature:9'],
 *   }
 */
export interface GateRow {
  /** The story's id; undefined when the feature has no `@story` tag. */
  story?: string
  feature: string
  uri: string
  /** The Rule's line, or the scenario's for a row outside Rules. */
  line: number
  /** The Rule's name; for a scenario under a Rule of a feature without a story, that Rule. */
  criterion?: string
  /** For a row that is one scenario (outside Rules, or no story): its name. */
  scenario?: string
  coverage: Coverage
  cells: Record<string, GateCell>
  /** The keys (`uri:line`) of the scenarios the row stands for. */
  scenarios: string[]
}

/**
 * A domain's share of the verdict: its channels and its rows.
 *
 * @example
 *   declare const verdict: Verdict
 *   verdict.domains.map((domain) => [domain.name, domain.channels])
 *   // → [['settlement', ['api', 'ui']], ['load-balancer', ['http']]]
 */
export interface DomainVerdict {
  /** The domain's name; undefined when the gate was given no domains (then one group holds every row). */
  name?: string
  channels: string[]
  criteria: GateRow[]
  loose: GateRow[]
}

/**
 * Why the gate is red, one object per reason; `describeReason` words it.
 *
 * @example
 *   const reason: Reason = {
 *     kind: 'untested-criterion',
 *     story: 'SET-4',
 *     criterion: 'Refunds',
 *     uri: 'specs/refunds.feature',
 *     line: 15,
 *   }
 */
export type Reason =
  | { kind: 'system-died'; death: SystemDeath }
  | { kind: 'not-run'; channel: string; reason: string; fix: string; scenarios: number }
  | { kind: 'run-problem'; channel: string; file: string; problem: string }
  | { kind: 'run-failed'; channel: string; file: string }
  | { kind: 'scenario'; scenario: ScenarioRun; channel: string; cause: ScenarioCause }
  | { kind: 'required-but-absent'; scenario: ScenarioRun; channel: string }
  | { kind: 'untested-criterion'; story: string; criterion: string; uri: string; line: number }

/**
 * Why one scenario on one channel makes the gate red: its cell failed the
 * run, or it was not applicable where the gate config requires it.
 *
 * @example
 *   const cause: ScenarioCause = 'not-applicable-but-required'
 */
export type ScenarioCause = 'failed' | 'not-applicable-but-required'

/**
 * The gate's decision with everything that explains it.
 *
 * @example
 *   declare const verdict: Verdict // judge(runs, { allowFlaky: false })
 *   verdict.green // false
 *   verdict.reasons[0]?.kind // 'scenario'
 */
export interface Verdict {
  green: boolean
  channels: string[]
  /**
   * Per domain (or one group when no domains were given): its channels, its stories' criteria sorted by story id, and
   * the loose scenarios.
   */
  domains: DomainVerdict[]
  /**
   * Set when no feature in the results (or the specs read) is a story: how many features there are, and how many of
   * them already have a `Rule:`. The renderers then say what to add.
   */
  storyless?: { features: number; withRules: number }
  reasons: Reason[]
  /** Flaky scenarios let through by `allowFlaky`. */
  allowedFlaky: ScenarioRun[]
  /** How many scenario × channel cells the gate judged, by cell. */
  counts: Partial<Record<Cell, number>>
  /** Every scenario on every channel it ran on: the reports list them. */
  scenarios: ScenarioRun[]
}
