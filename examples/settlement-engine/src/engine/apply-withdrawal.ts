import type { CommandOutcome } from '../commands.ts'
import { InvalidValueError } from '../arithmetic/invalid-value-error.ts'
import { parseOdds } from '../arithmetic/price.ts'
import { rule4Deduction } from '../rules/rule4.ts'
import type { EngineState } from './engine-state.ts'
import { readFlag, readName, readText } from './fields.ts'
import { badField, isRefusal, refuse } from './refusal.ts'
import { closedEvent, unknownEvent, unknownRunner } from './refusals.ts'

/**
 * `withdrawal`: a non-runner. Bets struck before it at a price (and at SP too
 * when `late`) lose the Rule 4 deduction its price sets from their winnings.
 *
 * @example
 *   declare const state: EngineState
 *   applyWithdrawal(state, { type: 'withdrawal', event: 'R1', runner: 'Aldaniti', price: '3/1' })
 *   // { ok: true, status: 201,
 *   //   body: { event: 'R1', runner: 'Aldaniti', price: '3/1', late: false, deduction: 25, … } }
 */
export function applyWithdrawal(state: EngineState, body: Record<string, unknown>): CommandOutcome {
  const eventId = readName(body, 'event')
  if (isRefusal(eventId)) return eventId
  const runner = readName(body, 'runner')
  if (isRefusal(runner)) return runner
  const price = readText(body, 'price', 'price', 'the runner\'s price when withdrawn, e.g. "3/1", "evens" or "4.0"')
  if (isRefusal(price)) return price
  const late = readFlag(body, 'late')
  if (isRefusal(late)) return late
  let odds
  try {
    odds = parseOdds(price)
  } catch (error) {
    if (error instanceof InvalidValueError) return badField('price', error.message)
    throw error
  }
  const event = state.findEvent(eventId)
  if (event === undefined) return unknownEvent(eventId, 'event')
  if (event.status !== 'open') return closedEvent(event, 'withdraw a runner from', 'event')
  const index = event.runnerIndex.get(runner)
  if (index === undefined) return unknownRunner(event, runner, 'runner')
  if (event.withdrawn[index] === 1)
    return refuse(409, 'runner-withdrawn', `"${runner}" is already withdrawn from event "${event.id}"`, 'runner')

  const deduction = rule4Deduction(odds)
  const seq = ++state.withdrawalCount
  event.withdrawals.push({ runner, price, odds, late, seq, deduction })
  event.withdrawn[index] = 1
  event.recompile()
  const terms = event.outcome.placeTerms
  return {
    ok: true,
    status: 201,
    body: {
      event: event.id,
      runner,
      price,
      late,
      deduction,
      runnersUnderOrders: event.outcome.runnersUnderOrders,
      placeTerms:
        terms === undefined ? null : { fraction: `${terms.fraction.num}/${terms.fraction.den}`, places: terms.places },
    },
  }
}
