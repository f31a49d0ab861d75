import { describe, expect, it } from 'vitest'
import { betFormField, readBetForm } from './read-bet-form.ts'

const form = (fields: Record<string, string>) => new URLSearchParams(fields)

describe('readBetForm', () => {
  it('reads a single from Event, Runner and Price, trimmed, each-way unticked', () => {
    expect(
      readBetForm(
        form({ customer: ' alice ', event: 'R1', runner: 'Red Rum ', price: '5/1', stake: '10', moreLegs: '' }),
      ),
    ).toEqual({
      ok: true,
      command: {
        type: 'bet',
        customer: 'alice',
        stake: '10',
        eachWay: false,
        legs: [{ event: 'R1', runner: 'Red Rum', price: '5/1' }],
      },
    })
  })

  it('reads each-way when the box was ticked', () => {
    const shaped = readBetForm(
      form({ customer: 'alice', event: 'R1', runner: 'Dobbin', price: 'SP', stake: '£5.50', eachWay: 'on' }),
    )
    expect(shaped).toEqual({
      ok: true,
      command: {
        type: 'bet',
        customer: 'alice',
        stake: '£5.50',
        eachWay: true,
        legs: [{ event: 'R1', runner: 'Dobbin', price: 'SP' }],
      },
    })
  })

  it('adds one leg per line of More legs, blank lines skipped, a comma in a runner name kept', () => {
    const shaped = readBetForm(
      form({
        customer: 'bob',
        event: 'R1',
        runner: 'Dobbin',
        price: 'evens',
        stake: '2',
        moreLegs: 'R2, Red Rum, 5/1\r\n\r\n R3 , Shergar, Jr, 2.25 \r\n',
      }),
    )
    expect(shaped).toEqual({
      ok: true,
      command: {
        type: 'bet',
        customer: 'bob',
        stake: '2',
        eachWay: false,
        legs: [
          { event: 'R1', runner: 'Dobbin', price: 'evens' },
          { event: 'R2', runner: 'Red Rum', price: '5/1' },
          { event: 'R3', runner: 'Shergar, Jr', price: '2.25' },
        ],
      },
    })
  })

  it('takes every leg from More legs when the first leg is left blank', () => {
    const shaped = readBetForm(form({ customer: 'bob', stake: '2', moreLegs: 'R1, Dobbin, 5/1\nR2, Red Rum, SP' }))
    expect(shaped.ok && shaped.command.legs).toEqual([
      { event: 'R1', runner: 'Dobbin', price: '5/1' },
      { event: 'R2', runner: 'Red Rum', price: 'SP' },
    ])
  })

  it('sends a blank single as it is, for the engine to say what is missing', () => {
    expect(readBetForm(form({}))).toEqual({
      ok: true,
      command: { type: 'bet', customer: '', stake: '', eachWay: false, legs: [{ event: '', runner: '', price: '' }] },
    })
  })

  it('stops at a More legs line that is not "event, runner, price", quoting it', () => {
    expect(
      readBetForm(form({ event: 'R1', runner: 'Dobbin', price: '5/1', moreLegs: 'R2, Red Rum, 5/1\nR3 Shergar' })),
    ).toEqual({
      ok: false,
      problem: {
        field: 'moreLegs',
        message: 'Line 2 of More legs, "R3 Shergar", is not "event, runner, price"; write e.g. "R2, Red Rum, 5/1".',
      },
    })
  })
})

describe('betFormField', () => {
  const single = form({ event: 'R1', runner: 'Dobbin', price: '5/1' })
  const fromMoreLegs = form({ moreLegs: 'R1, Dobbin, 5/1\nR2, Red Rum, 5/1' })

  it('puts the first leg’s problems at its own fields and the others’ at More legs', () => {
    expect(
      ['legs[0].event', 'legs[0].runner', 'legs.0.price', 'legs', 'legs[1].runner'].map((field) =>
        betFormField(field, single),
      ),
    ).toEqual(['event', 'runner', 'price', 'event', 'moreLegs'])
  })

  it('puts every leg’s problems at More legs when the legs came from there', () => {
    expect(betFormField('legs[0].runner', fromMoreLegs)).toBe('moreLegs')
  })

  it('knows the form’s own fields and nothing else', () => {
    expect([betFormField('stake', single), betFormField('customer', single), betFormField('id', single)]).toEqual([
      'stake',
      'customer',
      undefined,
    ])
  })
})
