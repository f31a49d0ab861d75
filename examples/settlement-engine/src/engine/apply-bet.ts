import type { CommandOutcome } from '../commands.ts'
import { InvalidValueError } from '../arithmetic/invalid-value-error.ts'
import { formatMoney, parseMoney } from '../arithmetic/money.ts'
import { storeBet } from './store-bet.ts'
import { ASSIGNED_ID, type EngineState } from './engine-state.ts'
import { checkName, describe, isObject, missing, readFlag, readName, readText } from './fields.ts'
import { badField, isRefusal, refuse } from './refusal.ts'
import { closedEvent, unknownEvent, unknownRunner } from './refusals.ts'

/** The most legs a multiple may have. */
export const MAX_LEGS = 20

// Scratch for one bet's validated legs: nothing is stored until every leg is good.
const legEvents = new Int32Array(MAX_LEGS)
const legRunners = new Int32Array(MAX_LEGS)
const legPrices = new Int32Array(MAX_LEGS)

/**
 * `bet`: a single (one leg) or a multiple (legs on different events), win or
 * each-way; the stake is per line. Checks everything before storing anything.
 *
 * @example
 *   declare const state: EngineState
 *   applyBet(state, {
 *     type: 'bet',
 *     customer: 'alice',
 *     stake: '10',
 *     eachWay: true,
 *     legs: [{ event: 'R1', runner: 'Red Rum', price: '5/1' }],
 *   })
 *   // { ok: true, status: 201, body: { id: 'b1', status: 'open', totalStake: '20.00' } }
 */
export function applyBet(state: EngineState, body: Record<string, unknown>): CommandOutcome {
  let id: string | undefined
  if (body.id !== undefined && body.id !== null) {
    const given = checkName(body.id, 'id')
    if (isRefusal(given)) return given
    if (ASSIGNED_ID.test(given))
      return badField(
        'id',
        `"${given}" has the form of an id the engine assigns (b and a number); choose another id, or leave it ` +
          `out to be given one`,
      )
    id = given
  }
  const customer = readName(body, 'customer')
  if (isRefusal(customer)) return customer
  const stakeText = readText(body, 'stake', 'stake', 'the stake per line in pounds, e.g. "10" or "10.50"')
  if (isRefusal(stakeText)) return stakeText
  let stake
  try {
    stake = parseMoney(stakeText)
  } catch (error) {
    if (error instanceof InvalidValueError) return badField('stake', error.message)
    throw error
  }
  const eachWay = readFlag(body, 'eachWay')
  if (isRefusal(eachWay)) return eachWay
  // Each-way is two stakes: their total must be countable too, or storing the bet would go wrong halfway.
  if (eachWay && !Number.isSafeInteger(stake * 2))
    return badField(
      'stake',
      `"${stakeText}" each-way is two stakes, more in all than this engine can count exactly (2^53 - 1 pence); ` +
        `stake at most ${formatMoney(Math.floor(Number.MAX_SAFE_INTEGER / 2))} each-way`,
    )
  const legs = body.legs
  if (legs === undefined || legs === null)
    return missing('legs', 'a list of legs, e.g. [{"event": "R1", "runner": "Red Rum", "price": "5/1"}]')
  if (!Array.isArray(legs) || legs.length === 0 || legs.length > MAX_LEGS) {
    return badField(
      'legs',
      `${Array.isArray(legs) ? `a list of ${legs.length}` : describe(legs)} is not a list of 1 to ${MAX_LEGS} ` +
        `legs; send e.g. [{"event": "R1", "runner": "Red Rum", "price": "5/1"}]`,
    )
  }
  if (id !== undefined && state.clientIds.has(id))
    return refuse(409, 'duplicate-id', `a bet with id "${id}" already exists; choose another id`, 'id')
  for (let i = 0; i < legs.length; i++) {
    const refusal = readLeg(state, legs[i], i)
    if (refusal !== undefined) return refusal
  }

  const bet = storeBet(
    state,
    state.customers.internString(customer),
    stake,
    eachWay,
    legs.length,
    legEvents,
    legRunners,
    legPrices,
    id,
  )
  return {
    ok: true,
    status: 201,
    body: { id: id ?? `b${bet + 1}`, status: 'open', totalStake: formatMoney(eachWay ? stake * 2 : stake) },
  }
}

function readLeg(state: EngineState, leg: unknown, i: number): CommandOutcome | undefined {
  const at = `legs[${i}]`
  if (!isObject(leg))
    return badField(at, `${describe(leg)} is not a leg; send {"event": "R1", "runner": "Red Rum", "price": "5/1"}`)
  const eventId = readName(leg, 'event', `${at}.event`)
  if (isRefusal(eventId)) return eventId
  const runner = readName(leg, 'runner', `${at}.runner`)
  if (isRefusal(runner)) return runner
  const price = readText(leg, 'price', `${at}.price`, 'the price taken, e.g. "5/1", "evens", "2.25" or "SP"')
  if (isRefusal(price)) return price
  try {
    legPrices[i] = state.prices.intern(price)
  } catch (error) {
    if (error instanceof InvalidValueError) return badField(`${at}.price`, error.message)
    throw error
  }
  const event = state.findEvent(eventId)
  if (event === undefined) return unknownEvent(eventId, `${at}.event`)
  if (event.status !== 'open') return closedEvent(event, 'bet on', `${at}.event`)
  for (let j = 0; j < i; j++) {
    if (legEvents[j] === event.index)
      return refuse(
        422,
        'same-event-legs',
        `legs ${j} and ${i} are both on event "${event.id}"; a multiple's legs must be on different events`,
        `${at}.event`,
      )
  }
  const index = event.runnerIndex.get(runner)
  if (index === undefined) return unknownRunner(event, runner, `${at}.runner`)
  if (event.withdrawn[index] === 1)
    return refuse(
      409,
      'runner-withdrawn',
      `"${runner}" has been withdrawn from event "${event.id}"; bets on it are no longer taken`,
      `${at}.runner`,
    )
  legEvents[i] = event.index
  legRunners[i] = index
  return undefined
}
