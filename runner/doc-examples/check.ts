// Compiles every TSDoc @example of the repository and every ```ts snippet of README.md and docs/**/*.md, or those
// of the files, folders and globs given:
//   node --import ./runner/register.mjs runner/doc-examples/check.ts [drivers/core docs 'examples/**/src/*.ts']
// Prints each compile error at its source line and exits 1, or prints one line of counts.
import { resolve } from 'node:path'
import { checkExamples } from './check-examples.ts'
import { exampleFiles } from './example-files.ts'
import { renderCheck } from './render-check.ts'

const root = resolve(import.meta.dirname, '../..')
const { stdout, stderr, exitCode } = renderCheck(checkExamples(root, exampleFiles(root, process.argv.slice(2))))
process.stdout.write(stdout)
process.stderr.write(stderr)
process.exitCode = exitCode
