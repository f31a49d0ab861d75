import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkExamples, formatProblem } from './check-examples.ts'
import { exampleFiles } from './example-files.ts'
import { renderCheck } from './render-check.ts'

const root = resolve(import.meta.dirname, '../..')
const drifted = 'runner/doc-examples/fixtures/betting.ts'
const good = 'runner/doc-examples/fixtures/stake.ts'
const driftedLines = [
  `${drifted}:33: Object literal may only specify known properties, and 'selection' does not exist in type 'Bet'.`,
  `${drifted}:34: No value exists in scope for the shorthand property 'punter'. ` +
    'Either declare one or provide an initializer.',
  `${drifted}:47: Argument of type 'number' is not assignable to parameter of type 'string'.`,
]

describe('checkExamples', () => {
  it('reports each drifted line at its source line, skips blocks fenced as another language, passes the rest', () => {
    const { checked, skipped, problems } = checkExamples(root, [drifted, good])

    expect({ checked, skipped }).toEqual({ checked: 6, skipped: 2 })
    expect(problems.map(formatProblem)).toEqual(driftedLines)
  })
})

describe('renderCheck', () => {
  it('lists the problems and a count on stderr, exit 1', () => {
    const problems = [{ file: 'drivers/core/duration-input.ts', line: 31, message: "Cannot find name 'ctx'." }]

    expect(renderCheck({ checked: 4, skipped: 1, problems })).toEqual({
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
    expect(renderCheck({ checked: 2, skipped: 0, problems: [] })).toEqual({
      stdout: 'doc examples: all 2 compile.\n',
      stderr: '',
      exitCode: 0,
    })
  })
})

describe('exampleFiles', () => {
  it("narrows the files to the folders, files and globs given; the checker's fixtures only when named", () => {
    expect(exampleFiles(root, ['runner/doc-examples'], root)).not.toContain(drifted)
    expect(exampleFiles(root, ['runner/doc-examples/fixtures'], root)).toEqual([drifted, good])
    expect(exampleFiles(root, ['runner/doc-examples/*.ts'], root)).toContain('runner/doc-examples/check.ts')
    expect(exampleFiles(root, [], root)).not.toContain(drifted)
  })
})

describe('check.ts', () => {
  it('prints each problem at its source line and exits 1', () => {
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
