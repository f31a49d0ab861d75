// The DSL layer's public entry: what step glue and domain DSLs use. The error
// and value types are the drivers layer's, re-exported so a domain DSL and its
// step glue need one import.
export { dslMethod, DslMethod, type ArgsOf, type InputOf } from './core/params/dsl-method.ts'
export {
  alias,
  boolean,
  decimal,
  duration,
  integer,
  money,
  odds,
  oneOf,
  string,
  type AliasParamOptions,
  type IntegerOptions,
} from './core/params/param-kinds.ts'
export { group, type GroupMembers, type GroupOptions, type GroupParam } from './core/params/group.ts'
export { valueParam, type NoOptions, type ParamOptions, type ValueKind, type ValueParam } from './core/params/param.ts'
export type { DataTableLike, Declaration, DslInput, ObjectArgs, ParsedArgs } from './core/params/parsed-args.ts'
export type { ParseContext } from './core/params/parse-context.ts'

export { AliasTable, charset, currentRunId, email, maxLength, newRunId, slug } from './core/aliases/index.ts'
export type { AliasOptions, AliasScope, AliasStrategy, NameAliaser } from './core/aliases/index.ts'

export { ParlanceWorld, readSystemUrl } from './core/cucumber/parlance-world.ts'
export { installParlance } from './core/cucumber/install-parlance.ts'
export { parlanceMediaTypes, type OutcomeAttachment } from '../drivers/core/report-media-types.ts'

// Re-exported from their own modules, not drivers/index.ts, so that loading the
// DSL does not also load the HTTP client, the browser pool and the supervisor.
export { AssertionFailedError } from '../drivers/core/errors/assertion-failed-error.ts'
export { ConfigurationError } from '../drivers/core/errors/configuration-error.ts'
export { NotApplicableError } from '../drivers/core/errors/not-applicable-error.ts'
export { ParlanceError } from '../drivers/core/errors/parlance-error.ts'
export { SystemCompromisedError } from '../drivers/core/errors/system-compromised-error.ts'
export { outcomeLabels, type Outcome } from '../drivers/core/errors/outcome.ts'
export type { AliasedName } from '../drivers/core/aliased-name.ts'
export { Decimal, Duration, Money, Odds, ValueFormatError } from '../drivers/core/values/index.ts'
export { defineChannels, type ChannelSet } from '../drivers/core/channels.ts'
export type { DriverContext } from '../drivers/core/driver-context.ts'
