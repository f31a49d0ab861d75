import { describe, expect, it } from 'vitest'
import { Money } from '../../../drivers/core/values/money.ts'
import { Odds } from '../../../drivers/core/values/odds.ts'
import type { AliasStrategy } from '../aliases/alias-types.ts'
import { dslMethod } from './dsl-method.ts'
import { group } from './group.ts'
import { alias, money, odds, oneOf, string } from './param-kinds.ts'
import { configurationErrorOf, fakeAliaser } from './test-support.ts'

const placeBet = dslMethod('placeBet', {
  punter: alias(),
  selection: string(),
  stake: money({ default: '£10' }),
  price: odds({ optional: true }),
  type: oneOf(['win', 'each-way'], { default: 'win' }),
})

const placeMultiple = dslMethod('placeMultiple', {
  punter: alias(),
  stake: money(),
  legs: group({ leg: string(), price: odds() }),
})

const table = (rows: string[][]) => ({ raw: () => rows })

describe('dslMethod', () => {
  it('names its parameters in declared order', () => {
    expect(placeBet.name).toBe('placeBet')
    expect(placeBet.parameterNames).toEqual(['punter', 'selection', 'stake', 'price', 'type'])
    expect(placeMultiple.parameterNames).toEqual(['punter', 'stake', 'legs'])
  })

  describe('both input forms give the same result', () => {
    const expected = {
      punter: 'alice-k3x9',
      selection: 'Red Rum',
      stake: Money.pence(500),
      price: Odds.fraction(5, 2),
      type: 'each-way',
    }

    it.each([
      [
        'a two-column table',
        table([
          ['punter', 'Alice'],
          ['selection', 'Red Rum'],
          ['stake', '£5'],
          ['price', '5/2'],
          ['type', 'Each-Way'],
        ]),
      ],
      [
        'a header-row table',
        table([
          ['punter', 'selection', 'stake', 'price', 'type'],
          ['Alice', 'Red Rum', '£5', '5/2', 'Each-Way'],
        ]),
      ],
      [
        'a header-row table with names in any case',
        table([
          ['Punter', 'Selection', 'Stake', 'Price', 'Type'],
          ['Alice', 'Red Rum', '500p', '3.5', 'each-way'],
        ]),
      ],
      ['an object of text', { punter: 'Alice', selection: 'Red Rum', stake: '£5', price: '5/2', type: 'each-way' }],
      [
        'an object of typed values',
        {
          punter: 'Alice',
          selection: 'Red Rum',
          stake: Money.pence(500),
          price: Odds.fraction(5, 2),
          type: 'each-way',
        },
      ],
    ] as const)('from %s', (_, input) => {
      expect(placeBet.parse(input, { aliases: fakeAliaser().aliases })).toStrictEqual(expected)
    })
  })

  it('fills in defaults, and leaves an optional parameter without one undefined', () => {
    expect(placeBet.parse({ punter: 'Alice', selection: 'Red Rum' }, { aliases: fakeAliaser().aliases })).toStrictEqual(
      {
        punter: 'alice-k3x9',
        selection: 'Red Rum',
        stake: Money.pence(1000),
        price: undefined,
        type: 'win',
      },
    )
  })

  it.each([
    ['an object', { punter: '  Alice ', selection: '  Red Rum  ', stake: '   ', price: '' }],
    [
      'a table',
      table([
        ['punter', 'selection', 'stake', 'price'],
        ['  Alice ', '  Red Rum  ', '   ', ''],
      ]),
    ],
  ] as const)('trims values, and counts a blank value as not given, in %s', (_, input) => {
    const args = placeBet.parse(input, { aliases: fakeAliaser().aliases })
    expect([args.punter, args.selection, args.stake.toString(), args.price]).toEqual([
      'alice-k3x9',
      'Red Rum',
      '£10.00',
      undefined,
    ])
  })

  it('matches allowed values in any case and gives them back as declared', () => {
    const { aliases } = fakeAliaser()
    expect(
      placeBet.parse(
        table([
          ['punter', 'Alice'],
          ['selection', 'Red Rum'],
          ['type', 'WIN'],
        ]),
        { aliases },
      ).type,
    ).toBe('win')
    expect(
      placeBet.parse({ punter: 'Alice', selection: 'Red Rum', type: 'Each-way' as 'each-way' }, { aliases }).type,
    ).toBe('each-way')
  })

  it('refuses a list of "name: value" strings, the old form, naming the forms it takes', () => {
    expect(
      configurationErrorOf(() => placeBet.parse(['punter: Alice'] as never, { aliases: fakeAliaser().aliases })),
    ).toBe(
      'placeBet: cannot read the arguments ["punter: Alice"] — give a data table or an object { punter, ' +
        'selection, stake, price, type }',
    )
  })

  describe('aliases', () => {
    it("asks the aliaser for each name with the parameter's scope and strategy", () => {
      const short: AliasStrategy = { name: 'max 8', make: ({ base }) => base.slice(0, 8) }
      const openMeeting = dslMethod('openMeeting', {
        course: alias({ scope: 'run' }),
        clerk: alias({ strategy: short }),
        owner: alias({ default: 'The House' }),
        stewards: alias({ repeated: true, optional: true }),
      })
      const { aliases, calls } = fakeAliaser()
      const args = openMeeting.parse({ course: 'Cheltenham', clerk: 'Bob', stewards: 'Carol, Dave' }, { aliases })
      expect(args).toStrictEqual({
        course: 'cheltenham-k3x9',
        clerk: 'bob-k3x9',
        owner: 'the-house-k3x9',
        stewards: ['carol-k3x9', 'dave-k3x9'],
      })
      expect(calls).toEqual([
        ['Cheltenham', { scope: 'run' }],
        ['Bob', { strategy: short }],
        ['The House', {}],
        ['Carol', {}],
        ['Dave', {}],
      ])
    })

    it('aliases nothing when the call has a problem', () => {
      const { aliases, calls } = fakeAliaser()
      expect(() => placeBet.parse({ punter: 'Alice', selection: 'Red Rum', stake: 'ten' }, { aliases })).toThrow(
        'invalid money',
      )
      expect(calls).toEqual([])
    })

    it('takes the spec name, never an aliased one, in the object form', () => {
      const { aliases, calls } = fakeAliaser()
      placeBet.parse({ punter: 'Alice', selection: 'Red Rum' }, { aliases })
      expect(calls).toEqual([['Alice', {}]])
    })

    it('needs no context for a method without names to alias', () => {
      const settle = dslMethod('settle', { selection: string() })
      expect(settle.parse({ selection: 'Red Rum' })).toStrictEqual({ selection: 'Red Rum' })
    })
  })

  describe('repeated values', () => {
    const backAll = dslMethod('backAll', {
      selections: string({ repeated: true }),
      stakes: money({ repeated: true, optional: true }),
      types: oneOf(['win', 'place'], { repeated: true, default: ['win', 'place'] }),
    })
    const expected = {
      selections: ['Red Rum', 'Arkle'],
      stakes: [Money.pence(500), Money.pence(200)],
      types: ['win', 'place'],
    }

    it.each([
      [
        'header-row table rows',
        table([
          ['selections', 'stakes'],
          ['Red Rum', '£5'],
          ['Arkle', '£2'],
        ]),
      ],
      [
        'two-column table rows, the name repeated or a comma list',
        table([
          ['selections', 'Red Rum'],
          ['stakes', '£5, £2'],
          ['selections', 'Arkle'],
        ]),
      ],
      ['an object of lists', { selections: ['Red Rum', 'Arkle'], stakes: [Money.pence(500), '£2'] }],
      ['an object of comma lists', { selections: 'Red Rum, Arkle', stakes: '£5,£2' }],
    ] as const)('from %s', (_, input) => {
      expect(backAll.parse(input)).toStrictEqual(expected)
    })

    it('gives [] for an optional repeated parameter left out, and a fresh copy of a list default', () => {
      const first = backAll.parse({ selections: 'Red Rum' })
      expect(first.stakes).toEqual([])
      first.types.push('win')
      expect(backAll.parse({ selections: 'Red Rum' }).types).toEqual(['win', 'place'])
    })
  })

  describe('repeating groups', () => {
    const expected = {
      punter: 'alice-k3x9',
      stake: Money.pence(200),
      legs: [
        { leg: 'Red Rum', price: Odds.fraction(5, 1) },
        { leg: 'Arkle', price: Odds.fraction(2, 1) },
      ],
    }

    it.each([
      [
        'a two-column table, each group started by its first parameter',
        table([
          ['punter', 'Alice'],
          ['stake', '£2'],
          ['leg', 'Red Rum'],
          ['price', '5/1'],
          ['leg', 'Arkle'],
          ['price', '2/1'],
        ]),
      ],
      [
        'a two-column table with the top level after the groups',
        table([
          ['leg', 'Red Rum'],
          ['price', '5/1'],
          ['leg', 'Arkle'],
          ['price', '2/1'],
          ['punter', 'Alice'],
          ['stake', '£2'],
        ]),
      ],
      [
        'a header-row table, one group per row',
        table([
          ['punter', 'stake', 'leg', 'price'],
          ['Alice', '£2', 'Red Rum', '5/1'],
          ['', '', 'Arkle', '2/1'],
        ]),
      ],
      [
        'an object with a list of groups',
        {
          punter: 'Alice',
          stake: '£2',
          legs: [
            { leg: 'Red Rum', price: '5/1' },
            { leg: 'Arkle', price: Odds.fraction(2, 1) },
          ],
        },
      ],
      [
        'an object with a table of groups',
        {
          punter: 'Alice',
          stake: '£2',
          legs: table([
            ['Leg', 'price'],
            ['Red Rum', '5/1'],
            ['Arkle', '2/1'],
          ]),
        },
      ],
    ] as const)('from %s', (_, input) => {
      expect(placeMultiple.parse(input, { aliases: fakeAliaser().aliases })).toStrictEqual(expected)
    })

    it('sends a name that is both top-level and in a group to the group while one is open', () => {
      const bet = dslMethod('placeBet', {
        selection: string({ optional: true }),
        price: odds({ optional: true }),
        type: oneOf(['win', 'each-way'], { default: 'win' }),
        legs: group({ leg: string(), price: odds() }, { optional: true }),
      })
      const args = bet.parse(
        table([
          ['price', '5/2'],
          ['leg', 'Red Rum'],
          ['price', '5/1'],
          ['type', 'win'],
          ['leg', 'Arkle'],
          ['price', '2/1'],
        ]),
      )
      expect(args.price).toStrictEqual(Odds.fraction(5, 2))
      expect(args.legs).toStrictEqual([
        { leg: 'Red Rum', price: Odds.fraction(5, 1) },
        { leg: 'Arkle', price: Odds.fraction(2, 1) },
      ])
      expect(
        bet.parse(
          table([
            ['leg', 'Red Rum'],
            ['price', '5/1'],
            ['type', 'win'],
            ['price', '3/1'],
          ]),
        ).price,
      ).toStrictEqual(Odds.fraction(3, 1))
      expect(bet.parse({ selection: 'Red Rum' }).legs).toEqual([])
    })

    it('fills defaults and optional members in each group', () => {
      const accumulator = dslMethod('placeAccumulator', {
        legs: group({ leg: alias(), price: odds({ default: 'SP' }), note: string({ optional: true }) }),
      })
      const { aliases, calls } = fakeAliaser()
      expect(
        accumulator.parse(
          table([
            ['leg', 'price', 'note'],
            ['Red Rum', '', ''],
            ['Arkle', '2/1', 'going soft'],
          ]),
          { aliases },
        ),
      ).toStrictEqual({
        legs: [
          { leg: 'red-rum-k3x9', price: Odds.SP, note: undefined },
          { leg: 'arkle-k3x9', price: Odds.fraction(2, 1), note: 'going soft' },
        ],
      })
      expect(calls.map(([name]) => name)).toEqual(['Red Rum', 'Arkle'])
    })
  })

  it('throws before any driver runs', () => {
    let driverCalls = 0
    const betting = {
      placeBet(input: Parameters<typeof placeBet.parse>[0]) {
        const args = placeBet.parse(input, { aliases: fakeAliaser().aliases })
        driverCalls++
        return args
      },
    }
    expect(configurationErrorOf(() => betting.placeBet(table([['punter', 'Alice']])))).toBe(
      'placeBet: missing required parameter "selection" — give text',
    )
    expect(driverCalls).toBe(0)
  })
})
