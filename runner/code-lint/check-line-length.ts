// `npm run lint`'s second half: every line of code over the formatter's width, as `file:line: N columns (max 120)`.
//   node --import ./runner/register.mjs runner/code-lint/check-line-length.ts [root]
// Biome wraps code itself but never splits a string or a comment; those lines are for a person. Exits 1 if any.
import { resolve } from 'node:path'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { type BiomeSettings, readBiomeSettings } from './biome-settings.ts'
import { codeFiles } from './code-files.ts'
import { findLongLines } from './long-lines.ts'

const root = resolve(process.argv[2] ?? resolve(import.meta.dirname, '../..'))
let settings: BiomeSettings
try {
  settings = readBiomeSettings(root)
} catch (error) {
  if (!(error instanceof ConfigurationError)) throw error
  console.error(error.message)
  process.exit(2)
}
const long = findLongLines(root, settings)

if (long.length === 0) {
  const checked = codeFiles(root, settings.includes).length
  console.log(`line length: ${checked} code files, no line over ${settings.lineWidth} columns.`)
} else {
  for (const line of long) console.error(line.message)
  const files = new Set(long.map((line) => line.file)).size
  console.error(`\n${long.length} lines over ${settings.lineWidth} columns in ${files} files.`)
  console.error(
    'Run `npx biome check --write .` first; then split what is left by hand:' +
      ' a string with `+`, a comment over two lines. See docs/code-style.md.',
  )
  process.exitCode = 1
}
