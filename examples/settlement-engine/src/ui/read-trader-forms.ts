import type { EventCommand, ResultCommand, WithdrawalCommand } from '../commands.ts'
import { formChecked, formLines, formText, type ShapedCommand } from './form-problem.ts'

/** The "Create an event" form's inputs, by name, with their visible labels. */
export const eventFormLabels = {
  id: 'Event id',
  name: 'Event name',
  handicap: 'Handicap',
  runners: 'Runners',
  placeFraction: 'Place terms fraction',
  places: 'Places paid',
} as const

/** The "Withdraw a runner" form's inputs, by name, with their visible labels. */
export const withdrawalFormLabels = {
  runner: 'Runner',
  price: 'Price at withdrawal',
  late: 'Late withdrawal',
} as const

/** The result form's inputs, by name, with their visible labels. */
export const resultFormLabels = {
  placings: 'Placings',
  startingPrices: 'Starting prices',
} as const

/**
 * Reads "Create an event": runners one per line; place terms only when a
 * fraction or a number of places is given.
 *
 * @example
 *   readEventForm(new URLSearchParams('id=R1&name=The+National&runners=Dobbin%0ARed+Rum'))
 *   // { ok: true, command: { type: 'event', id: 'R1', name: 'The National', handicap: false,
 *   //   runners: ['Dobbin', 'Red Rum'] } }
 */
export function readEventForm(form: URLSearchParams): ShapedCommand<EventCommand> {
  const command: EventCommand = {
    type: 'event',
    id: formText(form, 'id'),
    name: formText(form, 'name'),
    handicap: formChecked(form, 'handicap'),
    runners: formLines(form, 'runners'),
  }
  const fraction = formText(form, 'placeFraction')
  const places = formText(form, 'places')
  if (fraction === '' && places === '') return { ok: true, command }
  if (!/^\d+$/.test(places)) {
    return {
      ok: false,
      problem: { field: 'places', message: `Places paid is "${places}"; write how many places pay, e.g. 3.` },
    }
  }
  return { ok: true, command: { ...command, placeTerms: { fraction, places: Number(places) } } }
}

/**
 * Reads "Withdraw a runner" for the given event.
 *
 * @example
 *   readWithdrawalForm('R1', new URLSearchParams('runner=Dobbin&price=5/1&late=on'))
 *   // { ok: true, command: { type: 'withdrawal', event: 'R1', runner: 'Dobbin', price: '5/1', late: true } }
 */
export function readWithdrawalForm(event: string, form: URLSearchParams): ShapedCommand<WithdrawalCommand> {
  return {
    ok: true,
    command: {
      type: 'withdrawal',
      event,
      runner: formText(form, 'runner'),
      price: formText(form, 'price'),
      late: formChecked(form, 'late'),
    },
  }
}

/**
 * Reads a declared or amended result: one line per finishing group, a dead
 * heat as "A, B" on one line; starting prices one per line as "runner: price".
 *
 * @example
 *   readResultForm('R1', new URLSearchParams('placings=Dobbin%0ARed+Rum,+Shergar&startingPrices=Dobbin:+5/1'))
 *   // { ok: true, command: { type: 'result', event: 'R1', placings: [['Dobbin'], ['Red Rum', 'Shergar']],
 *   //   startingPrices: { Dobbin: '5/1' } } }
 */
export function readResultForm(event: string, form: URLSearchParams): ShapedCommand<ResultCommand> {
  const placings = formLines(form, 'placings').map((line) =>
    line
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== ''),
  )
  const command: ResultCommand = { type: 'result', event, placings: placings.filter((group) => group.length > 0) }
  const lines = formLines(form, 'startingPrices')
  if (lines.length === 0) return { ok: true, command }
  const startingPrices: Array<[string, string]> = []
  for (const [index, line] of lines.entries()) {
    // A runner's name might hold a colon; a price never does.
    const colon = line.lastIndexOf(':')
    const runner = line.slice(0, colon).trim()
    const price = line.slice(colon + 1).trim()
    if (colon < 0 || runner === '' || price === '') {
      const message =
        `Line ${index + 1} of Starting prices, "${line}", is not "runner: price"; ` + 'write e.g. "Dobbin: 5/1".'
      return { ok: false, problem: { field: 'startingPrices', message } }
    }
    startingPrices.push([runner, price])
  }
  // fromEntries defines own properties, so a runner called "__proto__" stays a runner.
  return { ok: true, command: { ...command, startingPrices: Object.fromEntries(startingPrices) } }
}

/**
 * The input of a trader form that a refusal's field is about; undefined
 * leaves the message at the top of the form only.
 *
 * @example
 *   traderFormField('placeTerms.places', eventFormLabels) // 'places'
 *   traderFormField('placings[1]', resultFormLabels) // 'placings'
 */
export function traderFormField(field: string, labels: Record<string, string>): string | undefined {
  const root = /^[A-Za-z]+/.exec(field)?.[0] ?? field
  if (root === 'placeTerms') return /fraction/.test(field) ? 'placeFraction' : 'places'
  const name = root === 'event' && 'id' in labels ? 'id' : root
  return name in labels ? name : undefined
}
