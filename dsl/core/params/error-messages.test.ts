import { describe, expect, it } from 'vitest'
import { ConfigurationError } from '../../../drivers/core/errors/configuration-error.ts'
import { Money } from '../../../drivers/core/values/money.ts'
import { Odds } from '../../../drivers/core/values/odds.ts'
import { ValueFormatError } from '../../../drivers/core/values/value-format-error.ts'
import { dslMethod } from './dsl-method.ts'
import { group } from './group.ts'
import { alias, boolean, duration, integer, money, odds, oneOf, string } from './param-kinds.ts'
import { configurationErrorOf, fakeAliaser } from './test-support.ts'

const context = { aliases: fakeAliaser().aliases }

const placeBet = dslMethod('placeBet', {
  punter: alias(),
  selection: string(),
  stake: money(),
  price: odds({ optional: true }),
})

const placeEachWay = dslMethod('placeEachWay', {
  punter: alias(),
  selection: string(),
  stake: money({ default: '£10' }),
  type: oneOf(['win', 'each-way'], { default: 'win' }),
})

const placeMultiple = dslMethod('placeMultiple', {
  punter: alias(),
  legs: group({ leg: string(), price: odds() }),
})

const table = (rows: string[][]) => ({ raw: () => rows })
// Inputs a compiler would refuse, as a spec's words or an `any` may still bring them.
const untyped = (input: unknown) => input as never
const parse = (input: Parameters<typeof placeBet.parse>[0]) =>
  configurationErrorOf(() => placeBet.parse(input, context))
const multiple = (input: Parameters<typeof placeMultiple.parse>[0]) =>
  configurationErrorOf(() => placeMultiple.parse(input, context))

describe('error messages, the same for a data table and an object', () => {
  it.each([
    ['an object', untyped({ punter: 'Alice', selection: 'Red Rum', stak: '£5' })],
    [
      'a table',
      table([
        ['punter', 'selection', 'stak'],
        ['Alice', 'Red Rum', '£5'],
      ]),
    ],
  ])('names an unknown parameter, the nearest one, and the accepted ones (the canonical form), in %s', (_, input) => {
    expect(parse(input)).toBe(
      'placeBet: unknown parameter "stak" — did you mean "stake"? Accepted: punter, selection, stake, price',
    )
  })

  it.each([
    ['an object', untyped({ punter: 'Alice', selection: 'Red Rum', stake: '£5', colour: 'red' })],
    [
      'a table',
      table([
        ['punter', 'selection', 'stake', 'colour'],
        ['Alice', 'Red Rum', '£5', 'red'],
      ]),
    ],
  ])('names an unknown parameter with nothing near it, in %s', (_, input) => {
    expect(parse(input)).toBe('placeBet: unknown parameter "colour". Accepted: punter, selection, stake, price')
  })

  it.each([
    ['an object', { punter: 'Alice', selection: 'Red Rum' }, { selection: 'Red Rum', stake: '£5' }],
    [
      'a table',
      table([
        ['punter', 'Alice'],
        ['selection', 'Red Rum'],
      ]),
      table([
        ['selection', 'Red Rum'],
        ['stake', '£5'],
      ]),
    ],
  ])('names a missing required parameter and what to give, in %s', (_, withoutStake, withoutPunter) => {
    expect(parse(untyped(withoutStake))).toBe(
      'placeBet: missing required parameter "stake" — give money, e.g. £10, 10.00, £10.50, 1050p',
    )
    expect(parse(untyped(withoutPunter))).toBe(
      'placeBet: missing required parameter "punter" — give a name, e.g. Alice',
    )
  })

  it.each([
    [
      'an object',
      { punter: 'Alice', selection: 'Red Rum', stake: 'ten pounds' },
      { punter: 'Alice', selection: 'Red Rum', stake: '£5', price: '5' },
    ],
    [
      'a table',
      table([
        ['punter', 'selection', 'stake'],
        ['Alice', 'Red Rum', 'ten pounds'],
      ]),
      table([
        ['punter', 'selection', 'stake', 'price'],
        ['Alice', 'Red Rum', '£5', '5'],
      ]),
    ],
  ])('quotes an invalid value and gives examples of accepted forms, in %s', (_, badStake, badPrice) => {
    expect(parse(badStake)).toBe(
      'placeBet: invalid money "ten pounds" for parameter "stake". Accepted: £10, 10.00, £10.50, 1050p',
    )
    expect(parse(badPrice)).toBe(
      'placeBet: invalid odds "5" for parameter "price" — a whole number is ambiguous: write 5/1 (fractional) ' +
        'or 5.0 (decimal). Accepted: 5/2, evens, 2.5 (decimal, stake included), SP',
    )
  })

  it.each([
    ['an object', { punter: 'Alice', selection: 'Red Rum', stake: 'ten' }],
    [
      'a table',
      table([
        ['punter', 'Alice'],
        ['selection', 'Red Rum'],
        ['stake', 'ten'],
      ]),
    ],
  ])('keeps the value error as the cause when it is the only problem, in %s', (_, input) => {
    const error = (() => {
      try {
        placeBet.parse(input, context)
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as ConfigurationError).cause).toBeInstanceOf(ValueFormatError)
  })

  it.each([
    [
      'an object',
      untyped({ punter: 'Alice', selection: 'Red Rum', type: 'eachway' }),
      untyped({ punter: 'Alice', selection: 'Red Rum', type: 'forecast' }),
    ],
    [
      'a table',
      table([
        ['punter', 'Alice'],
        ['selection', 'Red Rum'],
        ['type', 'eachway'],
      ]),
      table([
        ['punter', 'Alice'],
        ['selection', 'Red Rum'],
        ['type', 'forecast'],
      ]),
    ],
  ])(
    'names a value that is not among the allowed ones, the nearest, and the allowed list, in %s',
    (_, nearEachWay, farFromAll) => {
      expect(configurationErrorOf(() => placeEachWay.parse(nearEachWay, context))).toBe(
        'placeEachWay: invalid value "eachway" for parameter "type" — did you mean "each-way"? Accepted: win, each-way',
      )
      expect(configurationErrorOf(() => placeEachWay.parse(farFromAll, context))).toBe(
        'placeEachWay: invalid value "forecast" for parameter "type". Accepted: win, each-way',
      )
    },
  )

  it.each([
    ['an object', untyped({ punter: 'Alice', selection: 'Red Rum', stake: ['£5', '£6', '£7'] })],
    [
      'a header-row table',
      table([
        ['punter', 'selection', 'stake'],
        ['Alice', 'Red Rum', '£5'],
        ['', '', '£6'],
        ['', '', '£7'],
      ]),
    ],
    [
      'a two-column table',
      table([
        ['punter', 'Alice'],
        ['selection', 'Red Rum'],
        ['stake', '£5'],
        ['stake', '£6'],
        ['stake', ' £7 '],
      ]),
    ],
  ])('names a parameter that takes one value but was given more, with every value, in %s', (_, input) => {
    expect(parse(input)).toBe('placeBet: parameter "stake" takes one value but was given 3: "£5", "£6", "£7"')
  })

  it.each([
    ['an object', untyped({ punter: 'Alice', stak: '£5', price: '5/0', selection: ['Red Rum', 'Arkle'], odds: '2/1' })],
    [
      'a table',
      table([
        ['punter', 'stak', 'price', 'selection', 'odds'],
        ['Alice', '£5', '5/0', 'Red Rum', '2/1'],
        ['', '', '', 'Arkle', ''],
      ]),
    ],
  ])(
    'reports every problem, one per line, each starting with the method: names, then values in declared order, in %s',
    (_, input) => {
      expect(parse(input)).toBe(
        [
          'placeBet: unknown parameter "stak" — did you mean "stake"? Accepted: punter, selection, stake, price',
          'placeBet: unknown parameter "odds". Accepted: punter, selection, stake, price',
          'placeBet: parameter "selection" takes one value but was given 2: "Red Rum", "Arkle"',
          'placeBet: invalid odds "5/0" for parameter "price" — a fraction cannot be over 0. Accepted: 5/2, ' +
            'evens, 2.5 (decimal, stake included), SP',
        ].join('\n'),
      )
    },
  )

  describe('in repeating groups', () => {
    it.each([
      [
        'an object',
        {
          punter: 'Alice',
          legs: [
            { leg: 'Red Rum', price: '5/1' },
            { leg: 'Arkle', price: 'two to one' },
            untyped({ leg: 'Desert Orchid' }),
          ],
        },
      ],
      [
        'a table',
        table([
          ['punter', 'Alice'],
          ['leg', 'Red Rum'],
          ['price', '5/1'],
          ['leg', 'Arkle'],
          ['price', 'two to one'],
          ['leg', 'Desert Orchid'],
        ]),
      ],
      [
        'a table of the groups',
        {
          punter: 'Alice',
          legs: table([
            ['leg', 'price'],
            ['Red Rum', '5/1'],
            ['Arkle', 'two to one'],
            ['Desert Orchid', ''],
          ]),
        },
      ],
    ])('names the group by number and by its first value, in %s', (_, input) => {
      expect(multiple(input)).toBe(
        'placeMultiple: invalid odds "two to one" for parameter "price" in legs #2 (leg "Arkle"). Accepted: ' +
          '5/2, evens, 2.5 (decimal, stake included), SP\n' +
          'placeMultiple: missing required parameter "price" in legs #3 (leg "Desert Orchid") — give odds, ' +
          'e.g. 5/2, evens, 2.5 (decimal, stake included), SP',
      )
    })

    it.each([
      ['an object', { punter: 'Alice', legs: [untyped({ leg: 'Red Rum', price: ['5/1', '6/1'] })] }],
      [
        'a table',
        table([
          ['punter', 'Alice'],
          ['leg', 'Red Rum'],
          ['price', '5/1'],
          ['price', '6/1'],
        ]),
      ],
    ])('names a group parameter given more than once, in %s', (_, input) => {
      expect(multiple(input)).toBe(
        'placeMultiple: parameter "price" in legs #1 (leg "Red Rum") takes one value but was given 2: "5/1", "6/1"',
      )
    })

    it.each([
      ['an object', { punter: 'Alice' }],
      ['an object with no groups', { punter: 'Alice', legs: [] }],
      ['a table', table([['punter', 'Alice']])],
      ['a table of no groups', { punter: 'Alice', legs: table([['leg', 'price']]) }],
    ])('names a required group that is missing, in %s', (_, input) => {
      expect(multiple(untyped(input))).toBe(
        'placeMultiple: missing required parameter "legs" — give at least one group of leg, price, each ' +
          'starting with "leg"',
      )
    })

    it('names an unknown group parameter with the accepted ones, in each form', () => {
      expect(
        multiple(
          table([
            ['punter', 'leg', 'prise'],
            ['Alice', 'Red Rum', '5/1'],
          ]),
        ),
      ).toBe(
        'placeMultiple: unknown parameter "prise" — did you mean "price"? Accepted: punter; group legs: leg, price',
      )
      expect(
        multiple({
          punter: 'Alice',
          legs: table([
            ['leg', 'prise'],
            ['Red Rum', '5/1'],
          ]),
        }),
      ).toBe('placeMultiple: unknown parameter "prise" in the legs table — did you mean "price"? Accepted: leg, price')
      expect(multiple(untyped({ punter: 'Alice', legs: [{ leg: 'Red Rum', prise: '5/1' }, { price: Odds.SP }] }))).toBe(
        'placeMultiple: unknown parameter "prise" in legs #1 (leg "Red Rum") — did you mean "price"? Accepted: ' +
          'leg, price\n' +
          'placeMultiple: missing required parameter "leg" in legs #2 — give text',
      )
      expect(multiple(untyped({ punter: 'Alice', legs: [], bonus: 'yes' }))).toBe(
        'placeMultiple: unknown parameter "bonus". Accepted: punter, legs\nplaceMultiple: missing required ' +
          'parameter "legs" — give at least one group of leg, price, each starting with "leg"',
      )
    })

    it('names a group parameter given before the group starts, in a table', () => {
      expect(
        multiple(
          table([
            ['punter', 'Alice'],
            ['price', '5/1'],
            ['leg', 'Red Rum'],
            ['price', '5/1'],
          ]),
        ),
      ).toBe(
        'placeMultiple: parameter "price" comes before "leg" — it belongs to group "legs", and each group ' +
          'starts with "leg"',
      )
    })

    it('names a group that is not a list of objects, in an object', () => {
      expect(multiple(untyped({ punter: 'Alice', legs: 'Red Rum' }))).toBe(
        'placeMultiple: invalid group "Red Rum" for parameter "legs" — give a list of objects { leg, price }',
      )
      expect(multiple(untyped({ punter: 'Alice', legs: [{ leg: 'Red Rum', price: '5/1' }, 'Arkle'] }))).toBe(
        'placeMultiple: invalid group "Arkle" for parameter "legs" in legs #2 — give a list of objects { leg, price }',
      )
    })
  })

  it('says which typed value an object gave that is of the wrong kind', () => {
    expect(parse(untyped({ punter: 'Alice', selection: 'Red Rum', stake: 5, price: Money.pence(500) }))).toBe(
      'placeBet: invalid money 5 for parameter "stake" — give text or a Money. Accepted: £10, 10.00, £10.50, 1050p\n' +
        'placeBet: invalid odds Money £5.00 for parameter "price" — give text or Odds. Accepted: 5/2, evens, ' +
        '2.5 (decimal, stake included), SP',
    )
  })

  it('names each kind in its own words', () => {
    const configure = dslMethod('configure', { replicas: integer(), drain: duration(), verbose: boolean() })
    expect(
      configurationErrorOf(() =>
        configure.parse(
          table([
            ['replicas', '2.5'],
            ['drain', '250'],
            ['verbose', 'ye'],
          ]),
        ),
      ),
    ).toBe(
      [
        'configure: invalid integer "2.5" for parameter "replicas" — not a whole number. Accepted: 3, 0, -2',
        'configure: invalid duration "250" for parameter "drain" — give a unit, e.g. 250ms or 250s. Accepted: ' +
          '250ms, 2s, 1.5s, 2m, 1h',
        'configure: invalid boolean "ye" for parameter "verbose" — did you mean "yes"? Accepted: true, false, yes, no',
      ].join('\n'),
    )
    expect(configurationErrorOf(() => configure.parse(untyped({})))).toBe(
      [
        'configure: missing required parameter "replicas" — give an integer, e.g. 3, 0, -2',
        'configure: missing required parameter "drain" — give a duration, e.g. 250ms, 2s, 1.5s, 2m, 1h',
        'configure: missing required parameter "verbose" — give true, false, yes or no',
      ].join('\n'),
    )
  })

  it('keeps an integer’s examples and messages to the range it declares', () => {
    const addStock = dslMethod('addStock', { stock: integer({ min: 0 }), shelf: integer({ min: 1, max: 6 }) })
    expect(configurationErrorOf(() => addStock.parse(untyped({})))).toBe(
      [
        'addStock: missing required parameter "stock" — give an integer, 0 or more, e.g. 3, 0',
        'addStock: missing required parameter "shelf" — give an integer, 1 to 6, e.g. 3, 1, 6',
      ].join('\n'),
    )
    expect(configurationErrorOf(() => addStock.parse(untyped({ stock: '-1', shelf: 7 })))).toBe(
      [
        'addStock: invalid integer "-1" for parameter "stock" — less than 0. Accepted: 3, 0 (0 or more)',
        'addStock: invalid integer 7 for parameter "shelf" — give text or a whole number, 1 to 6. Accepted: 3, 1, 6 ' +
          '(1 to 6)',
      ].join('\n'),
    )
    expect(configurationErrorOf(() => addStock.parse(untyped({ stock: '2.5', shelf: '2' })))).toBe(
      'addStock: invalid integer "2.5" for parameter "stock" — not a whole number. Accepted: 3, 0 (0 or more)',
    )
    expect(addStock.parse(untyped({ stock: '0', shelf: 6 }))).toEqual({ stock: 0, shelf: 6 })
  })

  it('refuses a range no value fits, and bounds that are not whole numbers, when the method is declared', () => {
    expect(() => integer({ min: 5, max: 1 })).toThrow(
      new ConfigurationError('integer: min 5 is more than max 1; no value could be given'),
    )
    expect(() => integer({ min: 0.5 })).toThrow(
      new ConfigurationError('integer: min is 0.5; give a whole number, e.g. { min: 0 }'),
    )
  })

  it('names arguments it cannot read at all', () => {
    expect(parse(untyped(42))).toBe(
      'placeBet: cannot read the arguments 42 — give a data table or an object { punter, selection, stake, price }',
    )
    expect(parse(untyped(['punter: Alice', 'stake: £5']))).toBe(
      'placeBet: cannot read the arguments ["punter: Alice", "stake: £5"] — give a data table or an object { ' +
        'punter, selection, stake, price }',
    )
  })

  it('says that parsing names to alias needs the aliases', () => {
    expect(configurationErrorOf(() => placeBet.parse({ punter: 'Alice', selection: 'Red Rum', stake: '£5' }))).toBe(
      'placeBet: parameter "punter" takes a name to alias, so parsing needs the scenario\'s aliases — call ' +
        'placeBet.parse(input, { aliases })',
    )
  })
})
