import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { isPublicImport, makeSnippetModule, nonPublicImportMessage, nonPublicImports } from './snippet-module.ts'

describe('isPublicImport', () => {
  it.each([
    ['parlance/dsl', true],
    ['parlance/drivers', true],
    ['parlance/runner', true],
    ['node:path', true],
    ['@cucumber/cucumber', true],
    ['playwright', true],
    ['../core/params/index.ts', false],
    ['./shop-driver.ts', false],
    ['/work/parlance/dsl/index.ts', false],
    ['parlance', false],
    ['parlance/dsl/core/params/param.ts', false],
    ['parlance/examples', false],
    ['toString', true],
  ])('%s: %s', (specifier, allowed) => {
    expect(isPublicImport(specifier)).toBe(allowed)
  })
})

describe('nonPublicImports', () => {
  it('finds every way a module names another, with where its name is', () => {
    const text = [
      "import { dslMethod } from '../core/params/index.ts'",
      "import type { Money } from 'parlance/dsl'",
      "export { odds } from './odds.ts'",
      "import fs = require('../fs.ts')",
      "type Stake = import('./stake.ts').Stake",
      "const later = await import('./later.ts')",
      "import { join } from 'node:path'",
    ].join('\n')
    const source = ts.createSourceFile('a.mts', text, ts.ScriptTarget.Latest, true)

    const found = nonPublicImports(source)

    expect(found.map((each) => each.specifier)).toEqual([
      '../core/params/index.ts',
      './odds.ts',
      '../fs.ts',
      './stake.ts',
      './later.ts',
    ])
    expect(found.map(({ start, end }) => text.slice(start, end))).toEqual([
      "'../core/params/index.ts'",
      "'./odds.ts'",
      "'../fs.ts'",
      "'./stake.ts'",
      "'./later.ts'",
    ])
  })
})

describe('makeSnippetModule', () => {
  it('makes the snippet as it is a module of its own, beside the Markdown file, importing nothing for it', () => {
    const snippet = {
      file: 'docs/concepts.md',
      line: 29,
      language: 'ts',
      lines: [
        { text: "import { Money } from 'parlance/dsl'", line: 30 },
        { text: "Money.parse('£10')", line: 31 },
      ],
    }

    expect(makeSnippetModule('/repo', snippet)).toEqual({
      path: '/repo/docs/concepts.md.snippet-29.mts',
      text: "import { Money } from 'parlance/dsl'\nMoney.parse('£10')\nexport {}\n",
      firstExampleLine: 1,
    })
  })
})

describe('nonPublicImportMessage', () => {
  it('names the import and what a snippet may import', () => {
    expect(nonPublicImportMessage('../core/params/index.ts')).toBe(
      'import "../core/params/index.ts" is not public. A docs snippet imports what a project using Parlance can: ' +
        "'parlance/dsl' (dsl/index.ts), 'parlance/drivers' (drivers/index.ts), 'parlance/runner' (runner/index.ts), " +
        "'parlance/cucumber' (dsl/cucumber.ts), a node: module or an npm package.",
    )
  })
})
