export { dslMethod, DslMethod, type ArgsOf, type InputOf } from './dsl-method.ts'
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
} from './param-kinds.ts'
export { group, type GroupMembers, type GroupOptions, type GroupParam } from './group.ts'
export {
  valueParam,
  type AnyValueParam,
  type NoOptions,
  type ParamOptions,
  type Presence,
  type PresenceOf,
  type RepeatedOf,
  type ValueKind,
  type ValueParam,
} from './param.ts'
export type { DataTableLike, Declaration, DslInput, ObjectArgs, ParsedArgs } from './parsed-args.ts'
export type { ParseContext } from './parse-context.ts'
export { messages } from './messages.ts'
