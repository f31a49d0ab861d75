import type { Command, CommandOutcome, Refusal } from '../../commands.ts'
import type { BetView, Engine, EventSummary, EventView } from '../../engine/engine.ts'

/**
 * An in-memory Engine for the UI's tests: it keeps what it is told, refuses a
 * few things the way the real engine does (status, code, field), and records
 * every command it was given.
 *
 * @example
 *   const engine = fakeEngine({ events: [anEvent({ id: 'R1' })] })
 *   await engine.execute({ type: 'void', event: 'R1' })
 *   engine.commands // [{ type: 'void', event: 'R1' }]
 */
export interface FakeEngine extends Engine {
  readonly commands: Command[]
  readonly events: EventView[]
  readonly bets: BetView[]
}

/**
 * A fake engine holding the given events and bets.
 *
 * @example
 *   fakeEngine({ bets: [aBet({ id: 'B1', customer: 'alice' })] }).customerBets('alice')?.length // 1
 */
export function fakeEngine(seed: { events?: EventView[]; bets?: BetView[] } = {}): FakeEngine {
  const events = [...(seed.events ?? [])]
  const bets = [...(seed.bets ?? [])]
  const commands: Command[] = []
  const eventOf = (id: string) => events.find((event) => event.id === id)

  function apply(command: Command): CommandOutcome {
    switch (command.type) {
      case 'event': {
        if (eventOf(command.id))
          return refuse(409, 'duplicate-event', `an event with id "${command.id}" exists already`, 'id')
        if (command.runners.length === 0)
          return refuse(400, 'missing-field', 'runners is missing; send a list of names', 'runners')
        events.push(
          anEvent({
            id: command.id,
            name: command.name,
            handicap: command.handicap ?? false,
            runners: command.runners.map((name) => ({ name, withdrawn: false })),
          }),
        )
        return { ok: true, status: 201, body: { id: command.id } }
      }
      case 'withdrawal': {
        const event = eventOf(command.event)
        const runner = event?.runners.find((r) => r.name === command.runner)
        if (!event || !runner)
          return refuse(422, 'unknown-runner', `"${command.runner}" is not a runner in ${command.event}`, 'runner')
        runner.withdrawn = true
        event.withdrawals.push({
          runner: command.runner,
          price: command.price,
          late: command.late ?? false,
          deduction: 25,
        })
        return { ok: true, status: 201, body: { deduction: 25 } }
      }
      case 'bet': {
        const leg = command.legs[0]
        if (!leg) return refuse(400, 'missing-field', 'legs is missing', 'legs')
        if (!eventOf(leg.event))
          return refuse(404, 'event-not-found', `no event has id "${leg.event}"`, 'legs[0].event')
        if (!/^£?\d+(\.\d\d?)?$/.test(command.stake))
          return refuse(400, 'invalid-field', `stake: "${command.stake}" is not money`, 'stake')
        const id = `B${bets.length + 1}`
        bets.unshift(
          aBet({
            id,
            customer: command.customer,
            stake: command.stake,
            totalStake: command.stake,
            eachWay: command.eachWay ?? false,
            legs: command.legs,
          }),
        )
        return { ok: true, status: 201, body: { id, status: 'open' } }
      }
      case 'result': {
        const event = eventOf(command.event)
        if (!event) return refuse(404, 'event-not-found', `no event has id "${command.event}"`, 'event')
        event.status = 'resulted'
        event.result = {
          version: (event.result?.version ?? 0) + 1,
          placings: command.placings,
          startingPrices: command.startingPrices ?? {},
        }
        return { ok: true, status: 200, body: { version: event.result.version } }
      }
      case 'void': {
        const event = eventOf(command.event)
        if (!event) return refuse(404, 'event-not-found', `no event has id "${command.event}"`, 'event')
        if (event.status === 'void') return refuse(409, 'already-void', `${command.event} is void already`)
        event.status = 'void'
        return { ok: true, status: 200, body: {} }
      }
    }
  }

  return {
    commands,
    events,
    bets,
    async execute(command) {
      commands.push(command)
      return apply(command)
    },
    getBet: (id) => bets.find((bet) => bet.id === id),
    customerBets(customer) {
      const mine = bets.filter((bet) => bet.customer === customer)
      return mine.length === 0 ? undefined : mine
    },
    listEvents: () => events.map(summaryOf),
    getEvent: eventOf,
  }
}

/**
 * An event view with defaults: R1, open, three runners.
 *
 * @example
 *   anEvent({ id: 'R2', status: 'void' })
 */
export function anEvent(overrides: Partial<EventView> = {}): EventView {
  return {
    id: 'R1',
    name: 'The National',
    handicap: false,
    status: 'open',
    runners: ['Dobbin', 'Red Rum', 'Shergar'].map((name) => ({ name, withdrawn: false })),
    placeTerms: null,
    withdrawals: [],
    bets: 0,
    ...overrides,
  }
}

/**
 * A bet view with defaults: an open £10 win single on Dobbin in R1 at 5/1
 * (give totalStake with eachWay: the fake does no arithmetic).
 *
 * @example
 *   aBet({ id: 'B2', status: 'settled', returns: '60.00' })
 */
export function aBet(overrides: Partial<BetView> = {}): BetView {
  return {
    id: 'B1',
    customer: 'alice',
    status: 'open',
    stake: '10.00',
    totalStake: '10.00',
    eachWay: false,
    legs: [{ event: 'R1', runner: 'Dobbin', price: '5/1' }],
    history: [],
    ...overrides,
  }
}

function summaryOf(event: EventView): EventSummary {
  return { id: event.id, name: event.name, status: event.status, runners: event.runners.length, bets: event.bets }
}

function refuse(status: Refusal['status'], code: string, message: string, field?: string): Refusal {
  return { ok: false, status, error: field === undefined ? { code, message } : { code, message, field } }
}
