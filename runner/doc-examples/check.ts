// Compiles every TSDoc @example of the repository, or of the files, folders and globs given:
//   node --import ./runner/register.mjs runner/doc-examples/check.ts [drivers/core runner/lint 'examples/**/src/*.ts']
// Prints each compile error at its source line and exits 1, or prints one line of counts.
import { resolve } from 'node:path'
import { checkExamples, formatProblem } from './check-examples.ts'
import { exampleFiles } from './example-files.ts'

const root = resolve(import.meta.dirname, '../..')
const files = exampleFiles(root, process.argv.slice(2))
const { checked, skipped, problems } = checkExamples(root, files)
const notTypeScript = skipped > 0 ? `, ${skipped} not TypeScript and skipped` : ''

if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem))
  const failing = new Set(problems.map((problem) => `${problem.file}:${problem.line}`)).size
  console.error(`\n${problems.length} errors on ${failing} lines of doc examples (${checked} examples checked${notTypeScript}).`)
  console.error('Fix the example to the real API; declare what it uses but does not make, e.g. `declare const punter: Punter`. See docs/getting-started.md.')
  process.exitCode = 1
} else {
  console.log(`doc examples: all ${checked} compile${notTypeScript}.`)
}
