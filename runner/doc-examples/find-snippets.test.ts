import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findSnippets, isCompiledSnippet } from './find-snippets.ts'

const fixture = 'runner/doc-examples/fixtures/snippets.md'
const text = readFileSync(resolve(import.meta.dirname, '../..', fixture), 'utf8')

describe('findSnippets', () => {
  it('finds every fenced block with its language, the line of its fence, and its lines', () => {
    const found = findSnippets(fixture, text)

    expect(found.map(({ line, language, lines }) => ({ line, language, first: lines[0] }))).toEqual([
      {
        line: 7,
        language: 'ts',
        first: { text: "import { dslMethod } from '../../../dsl/core/params/dsl-method.ts'", line: 8 },
      },
      { line: 16, language: 'ts', first: { text: "import { Money } from 'parlance/dsl'", line: 17 } },
      { line: 24, language: 'ts', first: { text: "import { join } from 'node:path'", line: 25 } },
      { line: 39, language: 'sh', first: { text: 'npm run doc-examples', line: 40 } },
      { line: 43, language: '', first: { text: 'Scenario       api', line: 44 } },
      { line: 48, language: 'gherkin', first: { text: 'Given Alice backs Red Rum', line: 49 } },
      {
        line: 54,
        language: 'typescript',
        first: { text: "const stake: import('../x.ts').Stake = { pence: 5 }", line: 55 },
      },
    ])
    expect(found.every((snippet) => snippet.file === fixture)).toBe(true)
  })

  it("takes a list item's fence indentation off its lines, and keeps blank lines", () => {
    const inList = findSnippets(fixture, text)[2]!

    expect(inList.lines.map((line) => line.text).slice(4, 7)).toEqual([
      "import { defineConfig } from 'parlance/runner'",
      '',
      'declare const ctx: DriverContext',
    ])
  })

  it('closes a block only with the same fence character, at least as long; an unclosed block runs to the end', () => {
    const markdown = ['````ts', 'const a = "```"', '```', '~~~', '````', '', '~~~text', 'the end'].join('\n')

    expect(findSnippets('a.md', markdown)).toEqual([
      {
        file: 'a.md',
        line: 1,
        language: 'ts',
        lines: [
          { text: 'const a = "```"', line: 2 },
          { text: '```', line: 3 },
          { text: '~~~', line: 4 },
        ],
      },
      { file: 'a.md', line: 7, language: 'text', lines: [{ text: 'the end', line: 8 }] },
    ])
  })

  it('reads a fence with an info string after the language', () => {
    expect(findSnippets('a.md', '```ts title="shop.ts"\nf()\n```\n')).toEqual([
      { file: 'a.md', line: 1, language: 'ts', lines: [{ text: 'f()', line: 2 }] },
    ])
  })
})

describe('isCompiledSnippet', () => {
  it.each([
    ['ts', true],
    ['typescript', true],
    ['TS', true],
    ['mts', true],
    ['', false],
    ['sh', false],
    ['gherkin', false],
    ['json', false],
    ['http', false],
    ['yaml', false],
    ['text', false],
  ])('a fence of %j is compiled: %s', (language, compiled) => {
    expect(isCompiledSnippet({ file: 'a.md', line: 1, language, lines: [] })).toBe(compiled)
  })
})
