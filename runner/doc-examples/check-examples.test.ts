import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkExamples, formatProblem } from './check-examples.ts'
import { exampleFiles } from './example-files.ts'

const root = resolve(import.meta.dirname, '../..')
const fixture = 'runner/doc-examples/fixtures/betting.ts'

describe('checkExamples', () => {
  it('reports each drifted line of an example at its line in the source file, and passes the rest', () => {
    const { checked, skipped, problems } = checkExamples(root, [fixture])

    expect({ checked, skipped }).toEqual({ checked: 4, skipped: 1 })
    expect(problems.map(formatProblem)).toEqual([
      "runner/doc-examples/fixtures/betting.ts:33: Object literal may only specify known properties, and 'selection' does not exist in type 'Bet'.",
      "runner/doc-examples/fixtures/betting.ts:34: No value exists in scope for the shorthand property 'punter'. Either declare one or provide an initializer.",
      "runner/doc-examples/fixtures/betting.ts:47: Argument of type 'number' is not assignable to parameter of type 'string'.",
    ])
  })
})

describe('exampleFiles', () => {
  it("narrows the repository's files to the folders, files and globs given, and leaves the checker's fixtures out unless named", () => {
    expect(exampleFiles(root, ['runner/doc-examples'], root)).not.toContain(fixture)
    expect(exampleFiles(root, ['runner/doc-examples/fixtures'], root)).toEqual([fixture, 'runner/doc-examples/fixtures/stake.ts'])
    expect(exampleFiles(root, ['runner/doc-examples/*.ts'], root)).toContain('runner/doc-examples/check.ts')
    expect(exampleFiles(root, [], root)).not.toContain(fixture)
  })
})

describe('check.ts', () => {
  const check = (...patterns: string[]) => execFileSync(process.execPath, ['--import', './runner/register.mjs', 'runner/doc-examples/check.ts', ...patterns], { cwd: root, encoding: 'utf8', stdio: 'pipe' })

  it('prints each problem and exits 1', () => {
    expect(() => check(fixture)).toThrow(
      expect.objectContaining({
        status: 1,
        stderr: [
          "runner/doc-examples/fixtures/betting.ts:33: Object literal may only specify known properties, and 'selection' does not exist in type 'Bet'.",
          "runner/doc-examples/fixtures/betting.ts:34: No value exists in scope for the shorthand property 'punter'. Either declare one or provide an initializer.",
          "runner/doc-examples/fixtures/betting.ts:47: Argument of type 'number' is not assignable to parameter of type 'string'.",
          '',
          '3 errors on 3 lines of doc examples (4 examples checked, 1 not TypeScript and skipped).',
          'Fix the example to the real API; declare what it uses but does not make, e.g. `declare const punter: Punter`. See docs/getting-started.md.',
          '',
        ].join('\n'),
      }),
    )
  })

  it('prints one line of counts when every example compiles', () => {
    expect(check('runner/doc-examples/fixtures/stake.ts')).toBe('doc examples: all 2 compile, 1 not TypeScript and skipped.\n')
  })
})
