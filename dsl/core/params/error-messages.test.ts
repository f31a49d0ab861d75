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
const parse = (input: Parameters<typeof placeBet.parse>[0]) => configurationErrorOf(() => placeBet.parse(input, context))

describe('error messages', () => {
  it('names an unknown parameter, the nearest one, and the accepted ones (the canonical form)', () => {
    expect(parse(['punter: Alice', 'selection: Red Rum', 'stak: £5'])).toBe(
      'placeBet: unknown parameter "stak" — did you mean "stake"? Accepted: punter, selection, stake, price',
    )
  })

  it('names an unknown parameter with nothing near it', () => {
    expect(parse(['punter: Alice', 'selection: Red Rum', 'stake: £5', 'colour: red'])).toBe(
      'placeBet: unknown parameter "colour". Accepted: punter, selection, stake, price',
    )
  })

  it('names an unknown key of the object form with the keys accepted', () => {
    const input = { punter: 'Alice', legs: [], bonus: 'yes' } as unknown as Parameters<typeof placeMultiple.parse>[0]
    expect(configurationErrorOf(() => placeMultiple.parse(input, context))).toBe(
      'placeMultiple: unknown parameter "bonus". Accepted: punter, legs\nplaceMultiple: missing required parameter "legs" — give at least one group of leg, price, each starting with "leg"',
    )
  })

  it('names a missing required parameter and what to give', () => {
    expect(parse(['punter: Alice', 'selection: Red Rum'])).toBe('placeBet: missing required parameter "stake" — give money, e.g. £10, 10.00, £10.50, 1050p')
    expect(parse(['selection: Red Rum', 'stake: £5'])).toBe('placeBet: missing required parameter "punter" — give a name, e.g. Alice')
  })

  it('quotes an invalid typed value and gives examples of accepted forms', () => {
    expect(parse(['Alice', 'Red Rum', 'ten pounds'])).toBe('placeBet: invalid money "ten pounds" for parameter "stake". Accepted: £10, 10.00, £10.50, 1050p')
    expect(parse(['Alice', 'Red Rum', '£5', '5'])).toBe(
      'placeBet: invalid odds "5" for parameter "price" — a whole number is ambiguous: write 5/1 (fractional) or 5.0 (decimal). Accepted: 5/2, evens, 2.5 (decimal, stake included), SP',
    )
  })

  it('keeps the value error as the cause when it is the only problem', () => {
    const error = (() => {
      try {
        placeBet.parse(['Alice', 'Red Rum', 'ten'], context)
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as ConfigurationError).cause).toBeInstanceOf(ValueFormatError)
  })

  it('says which typed value an object gave that is of the wrong kind', () => {
    const input = { punter: 'Alice', selection: 'Red Rum', stake: 5, price: Money.pence(500) } as unknown as Parameters<typeof placeBet.parse>[0]
    expect(parse(input)).toBe(
      'placeBet: invalid money 5 for parameter "stake" — give text or a Money. Accepted: £10, 10.00, £10.50, 1050p\n' +
        'placeBet: invalid odds Money £5.00 for parameter "price" — give text or Odds. Accepted: 5/2, evens, 2.5 (decimal, stake included), SP',
    )
  })

  it('names a value that is not among the allowed ones, the nearest, and the allowed list', () => {
    expect(configurationErrorOf(() => placeEachWay.parse(['Alice', 'Red Rum', 'type: eachway'], context))).toBe(
      'placeEachWay: invalid value "eachway" for parameter "type" — did you mean "each-way"? Accepted: win, each-way',
    )
    expect(configurationErrorOf(() => placeEachWay.parse(['Alice', 'Red Rum', 'type: forecast'], context))).toBe(
      'placeEachWay: invalid value "forecast" for parameter "type". Accepted: win, each-way',
    )
  })

  it('names a parameter that takes one value but was given more, with every value', () => {
    expect(parse(['Alice', 'Red Rum', 'stake: £5', 'stake: £6'])).toBe('placeBet: parameter "stake" takes one value but was given 2: "£5", "£6"')
    expect(parse(table([['punter', 'selection', 'stake'], ['Alice', 'Red Rum', '£5'], ['', '', '£6'], ['', '', '£7']]))).toBe(
      'placeBet: parameter "stake" takes one value but was given 3: "£5", "£6", "£7"',
    )
  })

  it('names a positional value with no parameter left', () => {
    expect(parse(['Alice', 'Red Rum', '£5', 'SP', 'extra'])).toBe(
      'placeBet: positional value "extra" has no parameter left — values without a name fill punter, selection, stake, price in order',
    )
  })

  it('names a value without a name after a named one', () => {
    expect(parse(['punter: Alice', 'Red Rum', 'stake: £5'])).toBe(
      'placeBet: value "Red Rum" has no parameter name but follows a named value — write it as "<parameter>: Red Rum"\n' +
        'placeBet: missing required parameter "selection" — give text',
    )
  })

  describe('in repeating groups', () => {
    const multiple = (input: Parameters<typeof placeMultiple.parse>[0]) => configurationErrorOf(() => placeMultiple.parse(input, context))

    it('names the group by number and by its first value', () => {
      expect(multiple(['Alice', 'leg: Red Rum', 'price: 5/1', 'leg: Arkle', 'price: two to one', 'leg: Desert Orchid'])).toBe(
        'placeMultiple: invalid odds "two to one" for parameter "price" in legs #2 (leg "Arkle"). Accepted: 5/2, evens, 2.5 (decimal, stake included), SP\n' +
          'placeMultiple: missing required parameter "price" in legs #3 (leg "Desert Orchid") — give odds, e.g. 5/2, evens, 2.5 (decimal, stake included), SP',
      )
      expect(multiple(['Alice', 'leg: Red Rum', 'price: 5/1', 'price: 6/1'])).toBe(
        'placeMultiple: parameter "price" in legs #1 (leg "Red Rum") takes one value but was given 2: "5/1", "6/1"',
      )
    })

    it('names a group member given before the group starts', () => {
      expect(multiple(['Alice', 'price: 5/1', 'leg: Red Rum', 'price: 5/1'])).toBe(
        'placeMultiple: parameter "price" comes before "leg" — it belongs to group "legs", and each group starts with "leg"',
      )
    })

    it('names a required group that is missing', () => {
      expect(multiple(['Alice'])).toBe('placeMultiple: missing required parameter "legs" — give at least one group of leg, price, each starting with "leg"')
    })

    it('lists the group members as accepted names', () => {
      expect(multiple(['Alice', 'leg: Red Rum', 'prise: 5/1'])).toBe(
        'placeMultiple: unknown parameter "prise" — did you mean "price"? Accepted: punter; group legs: leg, price',
      )
    })

    it('names what is wrong in the object form', () => {
      const input = (legs: unknown) => ({ punter: 'Alice', legs }) as unknown as Parameters<typeof placeMultiple.parse>[0]
      expect(multiple(input('Red Rum'))).toBe('placeMultiple: invalid group "Red Rum" for parameter "legs" — give a list of objects { leg, price }')
      expect(multiple(input([{ leg: 'Red Rum', price: '5/1' }, 'Arkle']))).toBe(
        'placeMultiple: invalid group "Arkle" for parameter "legs" in legs #2 — give a list of objects { leg, price }',
      )
      expect(multiple(input([{ leg: 'Red Rum', prise: '5/1' }, { price: Odds.SP }]))).toBe(
        'placeMultiple: unknown parameter "prise" in legs #1 (leg "Red Rum") — did you mean "price"? Accepted: leg, price\n' +
          'placeMultiple: missing required parameter "leg" in legs #2 — give text',
      )
    })
  })

  it('reports every problem, one per line, each starting with the method', () => {
    expect(parse(['punter: Alice', 'stak: £5', 'price: 5/0', 'selection: Red Rum', 'selection: Arkle', 'odds: 2/1'])).toBe(
      [
        'placeBet: unknown parameter "stak" — did you mean "stake"? Accepted: punter, selection, stake, price',
        'placeBet: invalid odds "5/0" for parameter "price" — a fraction cannot be over 0. Accepted: 5/2, evens, 2.5 (decimal, stake included), SP',
        'placeBet: parameter "selection" takes one value but was given 2: "Red Rum", "Arkle"',
        'placeBet: unknown parameter "odds". Accepted: punter, selection, stake, price',
      ].join('\n'),
    )
  })

  it('names each kind in its own words', () => {
    const configure = dslMethod('configure', { replicas: integer(), drain: duration(), verbose: boolean() })
    expect(configurationErrorOf(() => configure.parse(['replicas: 2.5', 'drain: 250', 'verbose: ye']))).toBe(
      [
        'configure: invalid integer "2.5" for parameter "replicas" — not a whole number. Accepted: 3, 0, -2',
        'configure: invalid duration "250" for parameter "drain" — give a unit, e.g. 250ms or 250s. Accepted: 250ms, 2s, 1.5s, 2m, 1h',
        'configure: invalid boolean "ye" for parameter "verbose" — did you mean "yes"? Accepted: true, false, yes, no',
      ].join('\n'),
    )
    expect(configurationErrorOf(() => configure.parse([]))).toBe(
      [
        'configure: missing required parameter "replicas" — give an integer, e.g. 3, 0, -2',
        'configure: missing required parameter "drain" — give a duration, e.g. 250ms, 2s, 1.5s, 2m, 1h',
        'configure: missing required parameter "verbose" — give true, false, yes or no',
      ].join('\n'),
    )
  })

  it('names arguments it cannot read at all', () => {
    expect(parse(42 as unknown as string[])).toBe(
      'placeBet: cannot read the arguments 42 — give a data table, "name: value" strings, or an object { punter, selection, stake, price }',
    )
    expect(parse(['punter: Alice', 7] as unknown as string[])).toBe(
      'placeBet: cannot read the arguments 7 — give a data table, "name: value" strings, or an object { punter, selection, stake, price }',
    )
  })

  it('says that parsing names to alias needs the aliases', () => {
    expect(configurationErrorOf(() => placeBet.parse(['punter: Alice']))).toBe(
      'placeBet: parameter "punter" takes a name to alias, so parsing needs the scenario\'s aliases — call placeBet.parse(input, { aliases })',
    )
  })
})
