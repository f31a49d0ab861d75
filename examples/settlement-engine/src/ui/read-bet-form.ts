import type { BetCommand } from '../commands.ts'
import { formChecked, formLines, formText, type ShapedCommand } from './form-problem.ts'

/** The "Place a bet" form's inputs, by name, with their visible labels. */
export const betFormLabels = {
  customer: 'Customer',
  event: 'Event',
  runner: 'Runner',
  price: 'Price',
  moreLegs: 'More legs',
  stake: 'Stake',
  eachWay: 'Each-way',
} as const

/** An input of the "Place a bet" form. */
export type BetFormField = keyof typeof betFormLabels

/**
 * Reads the "Place a bet" form into a bet: the first leg from Event, Runner
 * and Price, further legs (a multiple) from "More legs", one per line as
 * "event, runner, price". Only the shape is checked; the engine judges the rest.
 *
 * @example
 *   readBetForm(new URLSearchParams('customer=alice&event=R1&runner=Dobbin&price=5/1&stake=10'))
 *   // { ok: true, command: { type: 'bet', customer: 'alice', stake: '10', eachWay: false,
 *   //   legs: [{ event: 'R1', runner: 'Dobbin', price: '5/1' }] } }
 */
export function readBetForm(form: URLSearchParams): ShapedCommand<BetCommand> {
  const legs: BetCommand['legs'] = []
  if (hasFirstLeg(form))
    legs.push({ event: formText(form, 'event'), runner: formText(form, 'runner'), price: formText(form, 'price') })
  const lines = formLines(form, 'moreLegs')
  for (const [index, line] of lines.entries()) {
    const parts = line.split(',').map((part) => part.trim())
    if (parts.length < 3) {
      const message =
        `Line ${index + 1} of More legs, "${line}", is not "event, runner, price"; ` + 'write e.g. "R2, Red Rum, 5/1".'
      return { ok: false, problem: { field: 'moreLegs', message } }
    }
    // The event and the price never hold a comma; a runner's name might.
    legs.push({ event: parts[0] ?? '', runner: parts.slice(1, -1).join(', '), price: parts.at(-1) ?? '' })
  }
  const command: BetCommand = {
    type: 'bet',
    customer: formText(form, 'customer'),
    stake: formText(form, 'stake'),
    eachWay: formChecked(form, 'eachWay'),
    legs,
  }
  return { ok: true, command }
}

/**
 * The input a refusal's field is about: the first leg's fields for legs[0]
 * (when the first leg came from them), "More legs" for the others.
 *
 * @example
 *   const form = new URLSearchParams('event=R1&runner=Shergar&price=5/1')
 *   betFormField('legs[0].runner', form) // 'runner'
 *   betFormField('legs[2].price', form) // 'moreLegs'
 */
export function betFormField(field: string, form: URLSearchParams): BetFormField | undefined {
  if (field in betFormLabels) return field as BetFormField
  const leg = /^legs(?:\[(\d+)\]|\.(\d+))?(?:\.(event|runner|price))?$/.exec(field)
  if (!leg) return undefined
  const index = Number(leg[1] ?? leg[2] ?? 0)
  const part = (leg[3] ?? 'event') as 'event' | 'runner' | 'price'
  if (hasFirstLeg(form)) return index === 0 ? part : 'moreLegs'
  return 'moreLegs'
}

function hasFirstLeg(form: URLSearchParams): boolean {
  return (
    ['event', 'runner', 'price'].some((name) => formText(form, name) !== '') || formLines(form, 'moreLegs').length === 0
  )
}
