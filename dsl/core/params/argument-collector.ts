import { nearest } from '../../../drivers/core/nearest.ts'
import { ValueFormatError } from '../../../drivers/core/values/value-format-error.ts'
import { buildResult } from './build-result.ts'
import { CallProblems } from './call-problems.ts'
import type { ParseContext } from './parse-context.ts'
import type { CompiledDeclaration, CompiledGroup, CompiledParam } from './compile-declaration.ts'
import { messages, show } from './messages.ts'

/**
 * The values given for one owner: the call's top-level parameters, or one group.
 *
 * @example
 *   collector.put(collector.top, stake, '£10')
 *   collector.put(collector.startGroup(legs), leg, 'Red Rum')
 */
export interface Slots {
  readonly values: unknown[]
  /** What was first given for each parameter, as given; undefined when nothing was. */
  readonly given: unknown[]
  readonly group: CompiledGroup | undefined
  /** The group's number in the call, from 1; 0 for the top level. */
  readonly number: number
}

/**
 * One call's arguments as the readers of the three input forms find them:
 * it reads and checks each value, keeps every problem, and at the end either
 * gives the typed result or throws one ConfigurationError listing them all.
 *
 * @example
 *   const collector = new ArgumentCollector(compiled)
 *   collector.named('stake', '£10'); collector.finish(context) // { stake: Money £10.00, ... }
 */
export class ArgumentCollector {
  readonly top: Slots
  // Made on the first problem: a good call allocates none.
  private problems: CallProblems | undefined
  /** The group that the members named next belong to, in the text forms. */
  private current: Slots | undefined
  private nextPositional = 0
  private sawName = false
  /** Set when the input could not be read at all: then nothing is reported missing. */
  private unreadable = false

  constructor(private readonly compiled: CompiledDeclaration) {
    const size = compiled.entries.length
    this.top = { values: new Array(size), given: new Array(size), group: undefined, number: 0 }
  }

  /** A `name: value` pair from a string or a data table: a group's first parameter starts a new group. */
  named(name: string, raw: string): void {
    this.sawName = true
    const compiled = this.compiled
    const meaning = lookup(compiled.byName, name)
    const group = meaning?.starts
    if (group) {
      if (!isBlank(raw)) this.put((this.current = this.startGroup(group)), group.first, raw)
      return
    }
    const member = this.current && lookup(this.current.group!.memberByName, name)
    if (member) return this.put(this.current!, member, raw)
    const param = meaning?.param
    if (param) {
      this.current = undefined
      return this.put(this.top, param, raw)
    }
    const owner = meaning?.memberOf
    if (owner) return this.problem(messages.memberBeforeGroup(compiled.method, name, owner.name, owner.first.name))
    this.unknown(name, compiled.textNames, compiled.acceptedNames)
  }

  /** A value without a name: fills the next parameter in declared order, before any named value. */
  positional(raw: string): void {
    const compiled = this.compiled
    if (isBlank(raw)) {
      if (!this.sawName) this.nextPositional++
      return
    }
    if (this.sawName) return this.problem(messages.unnamedAfterNamed(compiled.method, raw.trim()))
    const param = compiled.positional[this.nextPositional++]
    if (!param) return this.problem(messages.noParameterLeft(compiled.method, raw.trim(), compiled.positional.map((p) => p.name)))
    this.put(this.top, param, raw)
  }

  /** Ends a data table row: the next row's members start from no group. */
  endRow(): void {
    this.current = undefined
  }

  /** Starts the next group of a repeating group; `number` is its place in a list, when that is not the count so far. */
  startGroup(group: CompiledGroup, number?: number): Slots {
    const top = this.top
    const list = (top.values[group.slot] ??= []) as Slots[]
    top.given[group.slot] = true
    const size = group.members.length
    const slots: Slots = { values: new Array(size), given: new Array(size), group, number: number ?? list.length + 1 }
    list.push(slots)
    return slots
  }

  /** Reports a group given as something other than a list of objects: given, so not missing. */
  notAGroup(group: CompiledGroup, value: unknown, where: string): void {
    this.top.given[group.slot] ??= value
    this.top.values[group.slot] ??= []
    this.problem(messages.notAGroupList(this.compiled.method, group.name, value, group.memberList, where))
  }

  /** Gives a parameter a value: text (a comma list when repeated) or a typed value. */
  put(slots: Slots, param: CompiledParam, raw: unknown): void {
    if (typeof raw === 'string' && param.repeated && raw.includes(',')) {
      for (const item of raw.split(',')) this.putOne(slots, param, item)
    } else if (raw !== undefined) {
      this.putOne(slots, param, raw)
    }
  }

  /** Reports a name that is no parameter, with the nearest one that is. */
  unknown(name: string, candidates: readonly string[], accepted: string, slots?: Slots): void {
    const suggestion = nearest(name, candidates)
    if (suggestion !== undefined) this.problemList().suggest(suggestion)
    this.problem(messages.unknownParameter(this.compiled.method, name, suggestion, accepted, slots ? this.where(slots) : ''))
  }

  /** Reports input that could not be read at all; then nothing is reported missing as well. */
  cannotRead(line: string): void {
    this.unreadable = true
    this.problem(line)
  }

  /** Keeps a problem to report; the same line is kept once. */
  problem(line: string): void {
    this.problemList().add(line)
  }

  /** Where a parameter sits, for a message: '' at the top level, ' in legs #2 (leg "Arkle")' in a group. */
  where(slots: Slots): string {
    const group = slots.group
    if (!group) return ''
    const first = slots.given[0]
    return ` in ${group.name} #${slots.number}` + (first === undefined ? '' : ` (${group.first.name} ${show(first)})`)
  }

  /** Fills in defaults, checks that every required parameter was given, and gives the typed result. */
  finish(context: ParseContext | undefined): Record<string, unknown> {
    const top = this.top
    if (this.unreadable) throw this.problems!.toError(this.compiled.method)
    for (const entry of this.compiled.entries) {
      if (!entry.isGroup) {
        this.fill(top, entry)
      } else if (top.given[entry.slot] === undefined) {
        top.values[entry.slot] = []
        if (entry.required && !this.wasSuggested(entry.first.name)) {
          this.problem(messages.missingGroup(this.compiled.method, entry.name, entry.first.name, entry.memberList))
        }
      } else {
        for (const slots of top.values[entry.slot] as Slots[]) for (const member of entry.members) this.fill(slots, member)
      }
    }
    if (this.problems?.found) throw this.problems.toError(this.compiled.method)
    return buildResult(this.compiled, this.top, context)
  }

  private putOne(slots: Slots, param: CompiledParam, raw: unknown): void {
    let given = raw
    if (typeof raw === 'string') {
      given = raw.trim()
      if (given === '') return
    }
    const slot = param.slot
    if (!param.repeated && slots.given[slot] !== undefined) {
      return this.problemList().addRepeat(slots, param, slots.given[slot], given, () => this.where(slots))
    }
    slots.given[slot] ??= given
    const value = typeof given === 'string' ? this.read(slots, param, given) : this.accept(slots, param, given)
    if (param.repeated) ((slots.values[slot] ??= []) as unknown[]).push(value)
    else slots.values[slot] = value
  }

  private read(slots: Slots, param: CompiledParam, text: string): unknown {
    try {
      return param.kind.read(text)
    } catch (error) {
      if (!(error instanceof ValueFormatError)) throw error
      this.problemList().addInvalid(messages.invalidValue(this.compiled.method, param.name, error, this.where(slots)), error)
      return undefined
    }
  }

  private accept(slots: Slots, param: CompiledParam, given: unknown): unknown {
    const value = param.kind.accept(given)
    if (value === undefined) this.problem(messages.invalidTypedValue(this.compiled.method, param.name, param.kind, given, this.where(slots)))
    return value
  }

  private fill(slots: Slots, param: CompiledParam): void {
    const slot = param.slot
    if (slots.given[slot] !== undefined) return
    if (param.presence === 'defaulted') {
      slots.values[slot] = param.repeated ? (param.defaultValue as unknown[]).slice() : param.defaultValue
    } else if (param.presence === 'required') {
      if (!this.wasSuggested(param.name)) this.problem(messages.missingParameter(this.compiled.method, param.name, param.kind, this.where(slots)))
    } else if (param.repeated) {
      slots.values[slot] = []
    }
  }

  private wasSuggested(name: string): boolean {
    return this.problems !== undefined && this.problems.wasSuggested(name)
  }

  private problemList(): CallProblems {
    return (this.problems ??= new CallProblems())
  }
}

function lookup<T>(byName: ReadonlyMap<string, T>, name: string): T | undefined {
  return byName.get(name) ?? byName.get(name.toLowerCase())
}

function isBlank(text: string): boolean {
  return text.trim() === ''
}
