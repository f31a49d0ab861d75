import type { CommandOutcome, Refusal } from '../commands.ts'
import { InvalidValueError } from '../arithmetic/invalid-value-error.ts'
import { compareFractions, ONE } from '../arithmetic/fraction.ts'
import { parseOdds } from '../arithmetic/price.ts'
import type { PlaceTerms } from '../rules/place-terms.ts'
import type { EngineState } from './engine-state.ts'
import { EventRecord } from './event-record.ts'
import { checkName, describe, isObject, missing, readFlag, readName } from './fields.ts'
import { badField, isRefusal, refuse } from './refusal.ts'

/** The most runners an event may declare. */
export const MAX_RUNNERS = 100

/**
 * `event`: creates a race with its runners and, optionally, its place terms.
 *
 * @example
 *   declare const state: EngineState
 *   applyEvent(state, { type: 'event', id: 'R1', name: 'The National', runners: ['Red Rum', 'Aldaniti'] })
 *   // { ok: true, status: 201, body: { id: 'R1', name: 'The National', runners: 2, placeTerms: null } }
 */
export function applyEvent(state: EngineState, body: Record<string, unknown>): CommandOutcome {
  const id = readName(body, 'id')
  if (isRefusal(id)) return id
  const name = readName(body, 'name')
  if (isRefusal(name)) return name
  const handicap = readFlag(body, 'handicap')
  if (isRefusal(handicap)) return handicap
  const runners = readRunners(body.runners)
  if (isRefusal(runners)) return runners
  const placeTerms = readPlaceTerms(body.placeTerms, runners.length)
  if (isRefusal(placeTerms)) return placeTerms
  if (state.eventIndex.has(id))
    return refuse(409, 'duplicate-id', `an event with id "${id}" already exists; choose another id`, 'id')

  const event = new EventRecord(state.events.length, id, name, handicap, runners, placeTerms)
  state.addEvent(event)
  const terms = event.outcome.placeTerms
  return {
    ok: true,
    status: 201,
    body: {
      id,
      name,
      handicap,
      runners: runners.length,
      placeTerms:
        terms === undefined ? null : { fraction: `${terms.fraction.num}/${terms.fraction.den}`, places: terms.places },
    },
  }
}

function readRunners(value: unknown): string[] | Refusal {
  if (value === undefined || value === null)
    return missing('runners', 'a list of runner names, e.g. ["Red Rum", "Aldaniti"]')
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_RUNNERS) {
    return badField(
      'runners',
      `${Array.isArray(value) ? `a list of ${value.length}` : describe(value)} is not a list of 1 to ` +
        `${MAX_RUNNERS} runner names; send e.g. ["Red Rum", "Aldaniti"]`,
    )
  }
  // The names as checkName gives them back (NFC), not as sent.
  const names = new Set<string>()
  for (let i = 0; i < value.length; i++) {
    const runner = checkName(value[i], `runners[${i}]`)
    if (isRefusal(runner)) return runner
    if (names.has(runner)) return badField(`runners[${i}]`, `"${runner}" is named twice; each runner once`)
    names.add(runner)
  }
  return [...names]
}

function readPlaceTerms(value: unknown, runners: number): (PlaceTerms & { text: string }) | undefined | Refusal {
  if (value === undefined || value === null) return undefined
  const form = '{"fraction": "1/5", "places": 3}'
  if (!isObject(value))
    return badField(
      'placeTerms',
      `${describe(value)} is not place terms; send ${form}, or leave it out for the standard terms`,
    )
  if (typeof value.fraction !== 'string')
    return badField('placeTerms.fraction', `${describe(value.fraction)} is not a fraction; send e.g. "1/5"`)
  let fraction
  try {
    fraction = parseOdds(value.fraction)
  } catch (error) {
    if (error instanceof InvalidValueError)
      return badField('placeTerms.fraction', `"${value.fraction}" is not a place fraction; send e.g. "1/4" or "1/5"`)
    throw error
  }
  if (compareFractions(fraction, ONE) > 0)
    return badField(
      'placeTerms.fraction',
      `"${value.fraction}" is more than the odds themselves; a place fraction is at most 1, e.g. "1/5"`,
    )
  const places = value.places
  if (typeof places !== 'number' || !Number.isInteger(places) || places < 1 || places > runners) {
    return badField(
      'placeTerms.places',
      `${describe(places)} is not a number of places; send a whole number from 1 to the ${runners} runners`,
    )
  }
  return { fraction, places, text: value.fraction }
}
