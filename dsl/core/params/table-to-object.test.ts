import { describe, expect, it } from 'vitest'
import { Money } from '../../../drivers/core/values/money.ts'
import { CallProblems } from './call-problems.ts'
import { compileDeclaration } from './compile-declaration.ts'
import { dslMethod } from './dsl-method.ts'
import { group } from './group.ts'
import { money, odds, string } from './param-kinds.ts'
import { tableToObject } from './table-to-object.ts'
import { configurationErrorOf } from './test-support.ts'

const placeBet = dslMethod('placeBet', {
  selection: string(),
  stake: money({ default: '£10' }),
  note: string({ optional: true }),
})

const table = (rows: string[][]) => ({ raw: () => rows })

describe('reading a data table', () => {
  it('turns it into the typed-object form once, each value text in a list, for the object to be read', () => {
    const compiled = compileDeclaration('placeMultiple', {
      stake: money(),
      legs: group({ leg: string(), price: odds() }),
    })
    const problems = new CallProblems('placeMultiple')
    expect(
      tableToObject(problems, compiled, [
        ['Stake', 'leg', 'price'],
        ['£2', 'Red Rum', '5/1'],
        ['', 'Arkle', ''],
      ]),
    ).toStrictEqual({
      stake: ['£2'],
      legs: [{ leg: ['Red Rum'], price: ['5/1'] }, { leg: ['Arkle'] }],
    })
    expect(problems.found).toBe(false)
  })

  it('reads a table of two columns with a name first in every row as two-column', () => {
    expect(
      placeBet
        .parse(
          table([
            ['selection', 'Red Rum'],
            ['Stake', '£5'],
          ]),
        )
        .stake.toString(),
    ).toBe('£5.00')
  })

  it('reads two-column when both readings fit', () => {
    // Header-row would make selection "stake" and stake "note"; two-column makes them pairs.
    expect(
      placeBet.parse(
        table([
          ['selection', 'stake'],
          ['note', 'stake'],
        ]),
      ),
    ).toStrictEqual({ selection: 'stake', stake: Money.pounds(10), note: 'stake' })
  })

  it('reads a first row of names over rows of values as header-row', () => {
    expect(
      placeBet.parse(
        table([
          ['selection', 'stake'],
          ['Red Rum', '£5'],
        ]),
      ).selection,
    ).toBe('Red Rum')
    expect(placeBet.parse(table([['selection'], ['Red Rum']])).selection).toBe('Red Rum')
    expect(
      placeBet.parse(
        table([
          ['selection', 'stake', 'note'],
          ['Red Rum', '£5', 'going soft'],
        ]),
      ).note,
    ).toBe('going soft')
  })

  it('reads an empty table as no arguments', () => {
    expect(configurationErrorOf(() => placeBet.parse(table([])))).toBe(
      'placeBet: missing required parameter "selection" — give text',
    )
  })

  it('reports a two-column table that is neither, with the cells that are not parameters', () => {
    expect(
      configurationErrorOf(() =>
        placeBet.parse(
          table([
            ['selection', 'Red Rum'],
            ['stak', '£5'],
          ]),
        ),
      ),
    ).toBe(
      [
        'placeBet: the data table is neither two-column (a parameter name first in every row) nor header-row ' +
          '(parameter names across the first row). Accepted: selection, stake, note',
        'placeBet: in the first column, "stak" is not a parameter — did you mean "stake"?',
        'placeBet: in the first row, "Red Rum" is not a parameter',
      ].join('\n'),
    )
  })

  it('reports a wider table with no parameter name in its first row as neither', () => {
    expect(configurationErrorOf(() => placeBet.parse(table([['Red Rum', '£5', 'going soft']])))).toBe(
      [
        'placeBet: the data table is neither two-column (a parameter name first in every row) nor header-row ' +
          '(parameter names across the first row). Accepted: selection, stake, note',
        'placeBet: in the first row, "Red Rum" is not a parameter',
        'placeBet: in the first row, "£5" is not a parameter',
        'placeBet: in the first row, "going soft" is not a parameter',
      ].join('\n'),
    )
  })

  it('reports an unknown name in a header row once, however many rows follow', () => {
    expect(
      configurationErrorOf(() =>
        placeBet.parse(
          table([
            ['selection', 'stak', 'note'],
            ['Red Rum', '£5', ''],
            ['', '£6', ''],
          ]),
        ),
      ),
    ).toBe('placeBet: unknown parameter "stak" — did you mean "stake"? Accepted: selection, stake, note')
  })

  it('reports a row longer than the names above it', () => {
    expect(
      configurationErrorOf(() =>
        placeBet.parse(
          table([
            ['selection', 'stake', 'note'],
            ['Red Rum', '£5', 'a', 'b'],
          ]),
        ),
      ),
    ).toBe('placeBet: data table row 2 has 4 cells, but the first row names 3 parameters')
  })

  it('starts each header-row row with no group open', () => {
    const multiple = dslMethod('placeMultiple', {
      price: string({ optional: true }),
      legs: group({ leg: string(), price: string() }),
    })
    // Row 3's "price" comes before its "leg": it is the top-level price, not row 2's leg's.
    expect(
      configurationErrorOf(() =>
        multiple.parse(
          table([
            ['price', 'leg'],
            ['', 'Red Rum'],
            ['5/1', 'Arkle'],
          ]),
        ),
      ),
    ).toBe(
      [
        'placeMultiple: missing required parameter "price" in legs #1 (leg "Red Rum") — give text',
        'placeMultiple: missing required parameter "price" in legs #2 (leg "Arkle") — give text',
      ].join('\n'),
    )
    expect(
      multiple.parse(
        table([
          ['leg', 'price'],
          ['Red Rum', '5/1'],
          ['Arkle', '2/1'],
        ]),
      ).legs,
    ).toHaveLength(2)
  })

  it("reads a group's own table one group per row, and reports a row longer than the names above it", () => {
    const multiple = dslMethod('placeMultiple', { legs: group({ leg: string(), price: string({ optional: true }) }) })
    expect(
      multiple.parse({
        legs: table([
          ['price', 'leg'],
          ['', 'Red Rum'],
          ['5/1', 'Arkle'],
        ]),
      }).legs,
    ).toStrictEqual([
      { leg: 'Red Rum', price: undefined },
      { leg: 'Arkle', price: '5/1' },
    ])
    expect(
      configurationErrorOf(() =>
        multiple.parse({
          legs: table([
            ['leg', 'price'],
            ['Red Rum', '5/1', 'SP'],
          ]),
        }),
      ),
    ).toBe('placeMultiple: data table row 2 has 3 cells, but the first row names 2 parameters')
  })
})
