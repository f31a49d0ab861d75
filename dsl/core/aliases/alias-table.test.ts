import { describe, expect, it, vi } from 'vitest'
import { ConfigurationError } from '../../../drivers/core/errors/configuration-error.ts'
import type { AliasScope, AliasStrategy } from './alias-types.ts'
import { AliasTable } from './alias-table.ts'
import { charset } from './charset.ts'
import { Dealiaser } from './dealiaser.ts'
import { email } from './email.ts'
import { maxLength } from './max-length.ts'
import { scriptedRandom } from './random-source.ts'
import { slug } from './slug-strategy.ts'

const table = (...random: string[]) => new AliasTable({ runId: 'r7k2', random: scriptedRandom(...random) })

describe('AliasTable.alias', () => {
  it('makes the spec name, a space and runid-random, and the same value for the same name and scope', () => {
    const aliases = table('x9q2bz', 'm4p8td')
    expect(aliases.alias('Continuous Delivery')).toBe('Continuous Delivery r7k2-x9q2bz')
    expect(aliases.alias('Continuous Delivery', { scope: 'scenario' })).toBe('Continuous Delivery r7k2-x9q2bz')
    expect(aliases.alias('Bob')).toBe('Bob r7k2-m4p8td')
    expect(aliases.size).toBe(2)
  })

  it('keeps the spec name as written by default, and makes the slug form when the alias asks for it', () => {
    const aliases = table('x9q2bz')
    expect(aliases.alias('Zoë O’Brien & Co.')).toBe('Zoë O’Brien & Co. r7k2-x9q2bz')
    expect(aliases.alias('Zoë O’Brien & Co.', { strategy: slug })).toBe('zoe-o-brien-co-r7k2-x9q2bz')
  })

  it('gives a different value in another scenario of the same run', () => {
    expect(table('x9q2bz').alias('Alice')).not.toBe(table('m4p8td').alias('Alice'))
  })

  it('shares one unique part between the strategies of one name', () => {
    const aliases = table('x9q2bz')
    expect([
      aliases.alias('Alice'),
      aliases.alias('Alice', { strategy: slug }),
      aliases.alias('Alice', { strategy: email('example.test') }),
      aliases.alias('Alice', { strategy: charset('A-Z0-9') }),
    ]).toEqual(['Alice r7k2-x9q2bz', 'alice-r7k2-x9q2bz', 'alice.r7k2x9q2bz@example.test', 'ALICER7K2X9Q2BZ'])
    expect(aliases.alias('Alice', { strategy: email('example.test') })).toBe('alice.r7k2x9q2bz@example.test')
  })

  it('derives run-scoped names from run id and name alone: the same in every scenario and worker of the run', () => {
    const [first, second] = [table(), table()].map((aliases) => aliases.alias('Cheltenham', { scope: 'run' }))
    expect(first).toBe('Cheltenham r7k2-n0k1xw')
    expect(second).toBe(first)
    expect(new AliasTable({ runId: 'm4p8' }).alias('Cheltenham', { scope: 'run' })).not.toContain('n0k1xw')
  })

  it('keeps a literal name as it is and lists it as literal', () => {
    const aliases = table()
    expect(aliases.alias('GBP', { scope: 'literal' })).toBe('GBP')
    expect(aliases.alias('GBP', { scope: 'literal', strategy: charset('A-Z0-9') })).toBe('GBP')
    expect(aliases.entries()).toEqual([
      { name: 'GBP', realName: 'GBP', scope: 'literal', strategy: 'none' },
      { name: 'GBP', realName: 'GBP', scope: 'literal', strategy: 'charset [A-Z0-9]' },
    ])
  })

  it('refuses a bad spec name', () => {
    expect(() => table().alias('?!')).toThrow(
      new ConfigurationError(
        'Cannot alias "?!": a spec name needs at least one letter (a-z, accents allowed) or digit to make a ' +
          'real name from. Write a name such as "Alice" or "Race 1".',
      ),
    )
  })

  it('refuses an unknown scope, suggesting the nearest', () => {
    expect(() => table().alias('Alice', { scope: 'senario' as AliasScope })).toThrow(
      new ConfigurationError(
        'Cannot alias "Alice": unknown scope "senario". Use one of scenario, run, literal (did you mean "scenario"?).',
      ),
    )
  })

  it('refuses a strategy that cannot keep its rules, naming the alias, the strategy and the value', () => {
    expect(() => table('x9q2bz').alias('Grand National', { strategy: maxLength(12) })).toThrow(
      new ConfigurationError(
        'Cannot alias "Grand National": strategy "max 12 chars" cannot fit the unique part "r7k2-x9q2bz" and ' +
          'one character of the name ' +
          'into 12 characters ("G r7k2-x9q2bz" has 13). Allow at least 13 characters, or use a shorter run id.',
      ),
    )
  })

  it('refuses a real name that another spec name already has', () => {
    const byBase: AliasStrategy = { name: 'house', make: ({ unique }) => `house-${unique}` }
    const aliases = table('x9q2bz', 'x9q2bz')
    aliases.alias('Alice', { strategy: byBase })
    expect(() => aliases.alias('Bob', { strategy: byBase })).toThrow(
      new ConfigurationError(
        'Cannot alias "Bob": strategy "house" made "house-r7k2-x9q2bz", which is already the real name of ' +
          '"Alice" in this scenario. ' +
          'Each spec name needs its own real name.',
      ),
    )
  })

  it('refuses an invalid run id', () => {
    expect(() => new AliasTable({ runId: 'R7' })).toThrow(
      new ConfigurationError('Invalid run id "R7": a run id is 3 to 12 lower-case letters and digits, such as "r7k2".'),
    )
  })
})

describe('AliasTable across tables', () => {
  it('never gives two names of two scenarios the same real name', () => {
    const [first, second] = [new AliasTable({ runId: 'r7k2' }), new AliasTable({ runId: 'r7k2' })]
    const names = Array.from({ length: 2000 }, (_, i) => `Punter ${i}`)
    const realNames = [first, second].flatMap((aliases) => names.map((name) => aliases.alias(name)))
    expect(new Set(realNames).size).toBe(4000)
  })

  it('gives the same spec name a different real name in another run, even with the same random part', () => {
    const inRun = (runId: string) => new AliasTable({ runId, random: scriptedRandom('x9q2bz') }).alias('Alice')
    expect([inRun('r7k2'), inRun('m4p8')]).toEqual(['Alice r7k2-x9q2bz', 'Alice m4p8-x9q2bz'])
  })
})

describe('AliasTable output', () => {
  const filled = () => {
    const aliases = table('x9q2bz')
    aliases.alias('Alice')
    aliases.alias('Alice', { strategy: email('example.test') })
    aliases.alias('Cheltenham', { scope: 'run' })
    aliases.alias('GBP', { scope: 'literal' })
    return aliases
  }

  it('lists entries in the order they were made', () => {
    expect(filled().entries()).toEqual([
      { name: 'Alice', realName: 'Alice r7k2-x9q2bz', scope: 'scenario', strategy: 'default' },
      { name: 'Alice', realName: 'alice.r7k2x9q2bz@example.test', scope: 'scenario', strategy: 'email @example.test' },
      { name: 'Cheltenham', realName: 'Cheltenham r7k2-n0k1xw', scope: 'run', strategy: 'default' },
      { name: 'GBP', realName: 'GBP', scope: 'literal', strategy: 'none' },
    ])
  })

  it('serialises spec name → real name, with scope and strategy', () => {
    expect(JSON.stringify({ runId: 'r7k2', aliases: filled() })).toBe(
      '{"runId":"r7k2","aliases":{"Alice":"Alice r7k2-x9q2bz","Alice (email ' +
        '@example.test)":"alice.r7k2x9q2bz@example.test",' +
        '"Cheltenham (run)":"Cheltenham r7k2-n0k1xw","GBP (literal)":"GBP"}}',
    )
  })

  it('formats a text table', () => {
    expect(filled().format()).toBe(
      [
        'Aliases of run r7k2',
        'spec name  | real name                     | scope    | strategy',
        '-----------|-------------------------------|----------|--------------------',
        'Alice      | Alice r7k2-x9q2bz             | scenario | default',
        'Alice      | alice.r7k2x9q2bz@example.test | scenario | email @example.test',
        'Cheltenham | Cheltenham r7k2-n0k1xw        | run      | default',
        'GBP        | GBP                           | literal  | none',
      ].join('\n'),
    )
  })
})

describe('AliasTable.dealias', () => {
  it('turns every real name of the table back into its spec name', () => {
    const aliases = table('x9q2bz')
    const alice = aliases.alias('Alice', { strategy: slug })
    const mail = aliases.alias('Alice', { strategy: email('example.test') })
    const course = aliases.alias('Cheltenham', { scope: 'run' })
    expect(aliases.dealias(`${mail} bet at ${course}: GET /accounts/${alice}/bets?punter=${alice}.`)).toBe(
      'Alice bet at Cheltenham: GET /accounts/Alice/bets?punter=Alice.',
    )
    const query = new URLSearchParams({ course }).toString()
    expect(aliases.dealias(`GET /courses/${encodeURIComponent(course)}, GET /races?${query}`)).toBe(
      'GET /courses/Cheltenham, GET /races?course=Cheltenham',
    )
  })

  it('compiles once, and again only after the table changes', () => {
    const compile = vi.spyOn(Dealiaser, 'compile')
    const aliases = table('x9q2bz', 'm4p8td')
    aliases.alias('Alice')
    aliases.dealias('a')
    aliases.dealias('b')
    aliases.alias('Alice')
    aliases.dealias('c')
    expect(compile).toHaveBeenCalledTimes(1)
    aliases.alias('Bob')
    expect(aliases.dealias('Bob r7k2-m4p8td')).toBe('Bob')
    expect(compile).toHaveBeenCalledTimes(2)
    compile.mockRestore()
  })

  it('dealiases an error in place', () => {
    const aliases = table('x9q2bz')
    const error = new Error(`no account ${aliases.alias('Alice')}`)
    expect(aliases.dealiasError(error).message).toBe('no account Alice')
  })
})
