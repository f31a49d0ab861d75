import { describe, expect, it } from 'vitest'
import { Decimal } from '../../../drivers/core/values/decimal.ts'
import { Duration } from '../../../drivers/core/values/duration.ts'
import { AliasTable } from '../aliases/alias-table.ts'
import { email } from '../aliases/email.ts'
import { scriptedRandom } from '../aliases/random-source.ts'
import { slug } from '../aliases/slug-strategy.ts'
import { dslMethod } from './dsl-method.ts'
import { alias, boolean, decimal, duration, integer, money } from './param-kinds.ts'
import { configurationErrorOf } from './test-support.ts'

const configure = dslMethod('configure', {
  replicas: integer({ optional: true }),
  ratio: decimal({ optional: true }),
  drain: duration({ optional: true }),
  verbose: boolean({ optional: true }),
})

const table = (rows: string[][]) => ({ raw: () => rows })

describe('parameter kinds', () => {
  it.each([
    ['replicas', '3', 3],
    ['replicas', '-2', -2],
    ['replicas', '+7', 7],
    ['replicas', '-0', 0],
    ['verbose', 'Yes', true],
    ['verbose', 'no', false],
    ['verbose', 'TRUE', true],
    ['verbose', 'false', false],
  ] as const)('reads %s %j', (name, text, value) => {
    expect(configure.parse({ [name]: text })[name]).toBe(value)
  })

  it('reads decimals and durations exactly', () => {
    const args = configure.parse(
      table([
        ['ratio', '0.125'],
        ['drain', '1.5s'],
      ]),
    )
    expect([args.ratio?.toString(), args.drain?.milliseconds]).toEqual(['0.125', 1500])
  })

  it('takes typed values in the object form', () => {
    const args = configure.parse({ replicas: 4, ratio: Decimal.of(5n, 1), drain: Duration.ms(250), verbose: true })
    expect([args.replicas, args.ratio?.toString(), args.drain?.toString(), args.verbose]).toEqual([
      4,
      '0.5',
      '250ms',
      true,
    ])
  })

  it('refuses a number that is not a whole one for an integer, and a float for a decimal', () => {
    const input = { replicas: 2.5, ratio: 0.5 } as unknown as Parameters<typeof configure.parse>[0]
    expect(configurationErrorOf(() => configure.parse(input))).toBe(
      [
        'configure: invalid integer 2.5 for parameter "replicas" — give text or a whole number. Accepted: 3, 0, -2',
        'configure: invalid decimal 0.5 for parameter "ratio" — give text or a Decimal. Accepted: 2.5, -0.75, 10',
      ].join('\n'),
    )
  })

  it('refuses an integer too large to hold exactly', () => {
    expect(configurationErrorOf(() => configure.parse({ replicas: '99999999999999999' }))).toBe(
      'configure: invalid integer "99999999999999999" for parameter "replicas" — too large to hold exactly. ' +
        'Accepted: 3, 0, -2',
    )
  })

  it('refuses a leading zero, so that a thousands separator in a comma list is never read as two numbers', () => {
    const scale = dslMethod('scale', {
      sizes: integer({ repeated: true }),
      budgets: money({ repeated: true, optional: true }),
    })
    expect(configurationErrorOf(() => scale.parse({ sizes: '1,000', budgets: '£5, £1,000' }))).toBe(
      [
        'scale: invalid integer "000" for parameter "sizes" — a leading zero; in a comma list, write thousands ' +
          'without a separator, e.g. 1000. Accepted: 3, 0, -2',
        'scale: invalid money "000" for parameter "budgets" — a leading zero; in a comma list, write thousands ' +
          'without a separator, e.g. £1000. Accepted: £10, 10.00, £10.50, 1050p',
      ].join('\n'),
    )
    expect(scale.parse(table([['sizes', '1000, 0, 10']])).sizes).toEqual([1000, 0, 10])
  })

  it('aliases a name readably by default, and by the strategy and scope a parameter declares', () => {
    const openAccount = dslMethod('openAccount', {
      holder: alias(),
      id: alias({ strategy: slug }),
      login: alias({ strategy: email('example.test') }),
      course: alias({ scope: 'run', strategy: slug }),
    })
    const aliases = new AliasTable({ runId: 'r7k2', random: scriptedRandom('x9q2bz') })
    const input = { holder: 'Zoë Smith', id: 'Zoë Smith', login: 'Zoë Smith', course: 'Cheltenham' }
    expect(openAccount.parse(input, { aliases })).toEqual({
      holder: 'Zoë Smith r7k2-x9q2bz',
      id: 'zoe-smith-r7k2-x9q2bz',
      login: 'zoe-smith.r7k2x9q2bz@example.test',
      course: 'cheltenham-r7k2-n0k1xw',
    })
  })
})
