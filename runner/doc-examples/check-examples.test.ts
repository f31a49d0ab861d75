import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkExamples, formatProblem } from './check-examples.ts'
import { exampleFiles } from './example-files.ts'
import { renderCheck } from './render-check.ts'

const root = resolve(import.meta.dirname, '../..')
const drifted = 'runner/doc-examples/fixtures/betting.ts'
const good = 'runner/doc-examples/fixtures/stake.ts'
const snippets = 'runner/doc-examples/fixtures/snippets.md'
const driftedLines = [
  `${drifted}:33: Object literal may only specify known properties, and 'selection' does not exist in type 'Bet'.`,
  `${drifted}:34: No value exists in scope for the shorthand property 'punter'. ` +
    'Either declare one or provide an initializer.',
  `${drifted}:47: Argument of type 'number' is not assignable to parameter of type 'string'.`,
]

describe('checkExamples', () => {
  it('reports each drifted line at its source line, skips blocks fenced as another language, passes the rest', () => {
    const { checked, snippets, skipped, problems } = checkExamples(root, [drifted, good])

    expect({ checked, snippets, skipped }).toEqual({ checked: 6, snippets: 0, skipped: 2 })
    expect(problems.map(formatProblem)).toEqual(driftedLines)
  })

  it("compiles a Markdown file's ts snippets as they are; importing other than the public entries is an error", () => {
    const allowed =
      'A docs snippet imports what a project using Parlance can: ' +
      "'parlance/dsl' (dsl/index.ts), 'parlance/drivers' (drivers/index.ts), 'parlance/runner' (runner/index.ts), " +
      "'parlance/cucumber' (dsl/cucumber.ts), a node: module or an npm package."

    const check = checkExamples(root, [snippets])

    expect({ ...check, problems: check.problems.map(formatProblem) }).toEqual({
      checked: 4,
      snippets: 4,
      skipped: 3,
      problems: [
        `${snippets}:8: import "../../../dsl/core/params/dsl-method.ts" is not public. ${allowed}`,
        `${snippets}:9: import "parlance/dsl/core/params/param-kinds.ts" is not public. ${allowed}`,
        `${snippets}:19: Property 'add' does not exist on type 'Money'.`,
        `${snippets}:55: import "../x.ts" is not public. ${allowed}`,
      ],
    })
  })
})

describe('renderCheck', () => {
  it('lists the problems and a count on stderr, exit 1', () => {
    const problems = [{ file: 'drivers/core/duration-input.ts', line: 31, message: "Cannot find name 'ctx'." }]

    expect(renderCheck({ checked: 4, snippets: 0, skipped: 1, problems })).toEqual({
      stdout: '',
      stderr: [
        "drivers/core/duration-input.ts:31: Cannot find name 'ctx'.",
        '',
        '1 error on 1 line of doc examples (4 examples checked, 1 not TypeScript and skipped).',
        'Fix the example to the real API; declare what it uses but does not make, ' +
          'e.g. `declare const punter: Punter`. See docs/getting-started.md.',
        '',
      ].join('\n'),
      exitCode: 1,
    })
  })

  it('prints one line of counts when every example compiles', () => {
    expect(renderCheck({ checked: 2, snippets: 0, skipped: 0, problems: [] })).toEqual({
      stdout: 'doc examples: all 2 compile.\n',
      stderr: '',
      exitCode: 0,
    })
  })

  it('says how many of the examples are docs snippets', () => {
    expect(renderCheck({ checked: 40, snippets: 3, skipped: 5, problems: [] }).stdout).toBe(
      'doc examples: all 40 compile, 3 of them docs snippets, 5 not TypeScript and skipped.\n',
    )
    const problems = [{ file: 'docs/concepts.md', line: 30, message: "Cannot find name 'When'." }]
    expect(renderCheck({ checked: 40, snippets: 1, skipped: 0, problems }).stderr).toContain(
      '1 error on 1 line of doc examples (40 examples checked, 1 of them a docs snippet).',
    )
  })
})

describe('exampleFiles', () => {
  it("narrows the files to the folders, files and globs given; the checker's fixtures only when named", () => {
    expect(exampleFiles(root, ['runner/doc-examples'], root)).not.toContain(drifted)
    expect(exampleFiles(root, ['runner/doc-examples/fixtures'], root)).toEqual([drifted, snippets, good])
    expect(exampleFiles(root, ['runner/doc-examples/*.ts'], root)).toContain('runner/doc-examples/check.ts')
    expect(exampleFiles(root, [], root)).not.toContain(drifted)
    expect(exampleFiles(root, [], root)).not.toContain(snippets)
  })

  it('takes the README and the Markdown files of docs/, and no other Markdown', () => {
    const markdown = exampleFiles(root, [], root).filter((file) => file.endsWith('.md'))

    expect(markdown).toContain('README.md')
    expect(markdown).toContain('docs/getting-started.md')
    expect(markdown).toContain('docs/examples/settlement.md')
    expect(markdown.filter((file) => file !== 'README.md' && !file.startsWith('docs/'))).toEqual([])
    expect(exampleFiles(root, ['docs/concepts.md'], root)).toEqual(['docs/concepts.md'])
  })
})

describe('check.ts', () => {
  // A whole type-check in a process of its own: about 15 s alone, over 30 s on a 2-core machine running other work.
  it('prints each problem at its source line and exits 1', { timeout: 120_000 }, () => {
    const check = () =>
      execFileSync(process.execPath, ['--import', './runner/register.mjs', 'runner/doc-examples/check.ts', drifted], {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
      })

    expect(check).toThrow(
      expect.objectContaining({
        status: 1,
        stderr: expect.stringContaining(`${driftedLines.join('\n')}\n\n3 errors on 3 lines`),
      }),
    )
  })
})
