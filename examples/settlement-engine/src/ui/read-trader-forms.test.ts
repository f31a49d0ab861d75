import { describe, expect, it } from 'vitest'
import {
  eventFormLabels,
  readEventForm,
  readResultForm,
  readWithdrawalForm,
  resultFormLabels,
  traderFormField,
  withdrawalFormLabels,
} from './read-trader-forms.ts'

const form = (fields: Record<string, string>) => new URLSearchParams(fields)

describe('readEventForm', () => {
  it('reads runners one per line, skipping blank lines, with no place terms when both are blank', () => {
    expect(
      readEventForm(
        form({
          id: ' R1 ',
          name: '3:45 Aintree',
          runners: 'Dobbin\r\n\r\n  Red Rum  \r\nShergar\r\n',
          placeFraction: '',
          places: '',
        }),
      ),
    ).toEqual({
      ok: true,
      command: {
        type: 'event',
        id: 'R1',
        name: '3:45 Aintree',
        handicap: false,
        runners: ['Dobbin', 'Red Rum', 'Shergar'],
      },
    })
  })

  it('reads a handicap and its place terms, places as a number', () => {
    expect(
      readEventForm(
        form({ id: 'R2', name: 'National', handicap: 'on', runners: 'A\nB', placeFraction: '1/4', places: '4' }),
      ),
    ).toEqual({
      ok: true,
      command: {
        type: 'event',
        id: 'R2',
        name: 'National',
        handicap: true,
        runners: ['A', 'B'],
        placeTerms: { fraction: '1/4', places: 4 },
      },
    })
  })

  it('says so, at Places paid, when places is not a whole number', () => {
    expect(readEventForm(form({ id: 'R2', runners: 'A', placeFraction: '1/5', places: 'three' }))).toEqual({
      ok: false,
      problem: { field: 'places', message: 'Places paid is "three"; write how many places pay, e.g. 3.' },
    })
  })
})

describe('readWithdrawalForm', () => {
  it('reads the runner, price and lateness for the event in the path', () => {
    expect(readWithdrawalForm('R1', form({ runner: ' Red Rum ', price: '3/1', late: 'on' }))).toEqual({
      ok: true,
      command: { type: 'withdrawal', event: 'R1', runner: 'Red Rum', price: '3/1', late: true },
    })
    expect(readWithdrawalForm('R1', form({ runner: 'Dobbin', price: '10/1' }))).toEqual({
      ok: true,
      command: { type: 'withdrawal', event: 'R1', runner: 'Dobbin', price: '10/1', late: false },
    })
  })
})

describe('readResultForm', () => {
  it('reads one finishing group per line, a dead heat as names split by commas', () => {
    expect(
      readResultForm('R1', form({ placings: 'Dobbin\r\nRed Rum,  Shergar,\r\n\r\nArkle', startingPrices: '' })),
    ).toEqual({
      ok: true,
      command: { type: 'result', event: 'R1', placings: [['Dobbin'], ['Red Rum', 'Shergar'], ['Arkle']] },
    })
  })

  it('reads starting prices as "runner: price", splitting at the last colon', () => {
    expect(
      readResultForm(
        'R1',
        form({ placings: 'Dobbin', startingPrices: 'Dobbin: 5/1\nMr: Big : evens\n__proto__: 2/1' }),
      ),
    ).toEqual({
      ok: true,
      command: {
        type: 'result',
        event: 'R1',
        placings: [['Dobbin']],
        startingPrices: { Dobbin: '5/1', 'Mr: Big': 'evens', ['__proto__']: '2/1' },
      },
    })
  })

  it('keeps a runner called __proto__ as a runner', () => {
    const shaped = readResultForm('R1', form({ placings: 'A', startingPrices: '__proto__: 2/1' }))
    expect(shaped.ok && Object.keys(shaped.command.startingPrices ?? {})).toEqual(['__proto__'])
  })

  it('stops at a starting-price line with no colon, quoting it', () => {
    expect(readResultForm('R1', form({ placings: 'Dobbin', startingPrices: 'Dobbin: 5/1\nRed Rum 4/1' }))).toEqual({
      ok: false,
      problem: {
        field: 'startingPrices',
        message: 'Line 2 of Starting prices, "Red Rum 4/1", is not "runner: price"; write e.g. "Dobbin: 5/1".',
      },
    })
  })
})

describe('traderFormField', () => {
  it('maps the command’s fields to the inputs that hold them', () => {
    expect(
      [
        'id',
        'event',
        'runners[2]',
        'placeTerms.fraction',
        'placeTerms.places',
        'placeTerms',
        'handicap',
        'nonsense',
      ].map((field) => traderFormField(field, eventFormLabels)),
    ).toEqual(['id', 'id', 'runners', 'placeFraction', 'places', 'places', 'handicap', undefined])
    expect(['runner', 'price', 'event'].map((field) => traderFormField(field, withdrawalFormLabels))).toEqual([
      'runner',
      'price',
      undefined,
    ])
    expect(
      ['placings[1][0]', 'startingPrices.Dobbin'].map((field) => traderFormField(field, resultFormLabels)),
    ).toEqual(['placings', 'startingPrices'])
  })
})
