import type { CommandOutcome, Refusal } from '../commands.ts'
import { formatFraction, InvalidValueError, parseOdds, type Fraction } from '../arithmetic/index.ts'
import { compileEvent, missingStartingPrices } from '../rules/index.ts'
import { decided, decideEvent } from './decide-event.ts'
import type { EngineState } from './engine-state.ts'
import type { EventRecord, ResultRecord } from './event-record.ts'
import { checkName, describe, isObject, missing, readName } from './fields.ts'
import { badField, isRefusal, refuse } from './refusal.ts'
import { unknownEvent, unknownRunner } from './refusals.ts'

const PLACINGS_FORM =
  'a list of finishing groups, e.g. [["Red Rum"], ["Aldaniti", "Corbiere"]] (two names in a group are a dead heat)'

/**
 * `result`: the placings (and starting prices) of a race. The first result
 * settles every bet it decides; a different one later is an amendment that
 * resettles every bet whose returns change; the same one again is a no-op.
 *
 * @example
 *   declare const state: EngineState
 *   applyResult(state, {
 *     type: 'result',
 *     event: 'R1',
 *     placings: [['Red Rum'], ['Aldaniti']],
 *     startingPrices: { 'Red Rum': '9/1' },
 *   })
 *   // { ok: true, status: 200, body: { event: 'R1', status: 'resulted', version: 1, changed: true, settled: 40 } }
 */
export function applyResult(state: EngineState, body: Record<string, unknown>): CommandOutcome {
  const eventId = readName(body, 'event')
  if (isRefusal(eventId)) return eventId
  const event = state.findEvent(eventId)
  if (event === undefined) return unknownEvent(eventId, 'event')
  if (event.status === 'void')
    return refuse(409, 'event-void', `event "${event.id}" is void, so it takes no result`, 'event')
  const result = readResult(event, body)
  if (isRefusal(result)) return result
  if (event.status === 'resulted' && event.result?.key === result.key) return decided(event, false, 0)

  const outcome = compileEvent(event.facts({ result }))
  const unpriced = missingStartingPrices(outcome).filter((runner) => event.spLegs[event.runnerIndex.get(runner)!]! > 0)
  if (unpriced.length > 0) {
    const names = unpriced.map((runner) => `"${runner}"`).join(', ')
    return refuse(
      422,
      'starting-price-missing',
      `${names} won or placed and ${unpriced.length === 1 ? 'has' : 'have'} SP bets, so the result must give ` +
        `${unpriced.length === 1 ? 'its' : 'their'} starting price; add ${unpriced.length === 1 ? 'it' : 'them'} ` +
        `to startingPrices, e.g. {"${unpriced[0]}": "9/2"}`,
      'startingPrices',
    )
  }
  return decideEvent(state, event, { status: 'resulted', result, outcome })
}

function readResult(event: EventRecord, body: Record<string, unknown>): ResultRecord | Refusal {
  const placings = body.placings
  if (placings === undefined || placings === null) return missing('placings', PLACINGS_FORM)
  if (!Array.isArray(placings) || placings.length === 0)
    return badField('placings', `${describe(placings)} is not ${PLACINGS_FORM}`)
  const seen = new Set<string>()
  // The names as checkName gives them back (NFC), not as sent.
  const groups: string[][] = []
  for (let i = 0; i < placings.length; i++) {
    const group: unknown = placings[i]
    if (!Array.isArray(group) || group.length === 0)
      return badField(
        `placings[${i}]`,
        `${describe(group)} is not a group of one or more runner names, e.g. ["Red Rum"]`,
      )
    const names: string[] = []
    for (let j = 0; j < group.length; j++) {
      const field = `placings[${i}][${j}]`
      const runner = checkName(group[j], field)
      if (isRefusal(runner)) return runner
      const refusal = checkRunner(event, runner, field, 'placed')
      if (refusal !== undefined) return refusal
      if (seen.has(runner))
        return refuse(422, 'runner-placed-twice', `"${runner}" is placed twice; name each runner once`, field)
      seen.add(runner)
      names.push(runner)
    }
    groups.push(names)
  }
  const given = body.startingPrices ?? {}
  if (!isObject(given))
    return badField('startingPrices', `${describe(given)} is not a map of runner to price, e.g. {"Red Rum": "9/1"}`)
  // No prototype: a runner may be called "__proto__".
  const startingPrices: Record<string, string> = Object.create(null)
  const odds: Record<string, Fraction> = Object.create(null)
  for (const [key, price] of Object.entries(given)) {
    const field = `startingPrices.${key}`
    const runner = checkName(key, field)
    if (isRefusal(runner)) return runner
    if (runner in odds) return badField(field, `"${runner}" is priced twice (in two Unicode forms); price it once`)
    const refusal = checkRunner(event, runner, field, 'priced')
    if (refusal !== undefined) return refusal
    if (typeof price !== 'string')
      return badField(field, `${describe(price)} is not a price; send e.g. "9/1", "evens" or "10.0"`)
    try {
      odds[runner] = parseOdds(price)
    } catch (error) {
      if (error instanceof InvalidValueError) return badField(field, error.message)
      throw error
    }
    startingPrices[runner] = price
  }
  return { placings: groups, startingPrices, odds, key: resultKey(groups, odds) }
}

function checkRunner(event: EventRecord, runner: string, field: string, what: string): Refusal | undefined {
  const index = event.runnerIndex.get(runner)
  if (index === undefined) return unknownRunner(event, runner, field)
  if (event.withdrawn[index] === 1)
    return refuse(
      422,
      'withdrawn-runner',
      `"${runner}" was withdrawn from event "${event.id}", so it cannot be ${what}`,
      field,
    )
  return undefined
}

// Dead-heat groups in any order and odds in any form ("6/4", "3/2", "2.5") make the same key.
function resultKey(placings: string[][], odds: Record<string, Fraction>): string {
  const groups = placings.map((group) => [...group].sort())
  const prices = Object.keys(odds)
    .sort()
    .map((runner) => [runner, formatFraction(odds[runner]!)])
  return JSON.stringify([groups, prices])
}
