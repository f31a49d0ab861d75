import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type BiomeSettings, readBiomeSettings } from './biome-settings.ts'
import { codeFiles } from './code-files.ts'

/**
 * A line of code wider than the formatter's width: Biome breaks code but not
 * a long string or comment, so those are left for a person to split.
 *
 * @example
 *   const long: LongLine = { file: 'a.ts', line: 12, columns: 131, message: 'a.ts:12: 131 columns (max 120)' }
 */
export interface LongLine {
  file: string
  line: number
  columns: number
  message: string
}

/**
 * Every line over `formatter.lineWidth` columns in the code files Biome
 * formats (see `codeFiles`). A column is a Unicode code point: `£`, `—` and
 * `✗` count one each.
 *
 * @example
 *   findLongLines('/work/parlance').map((long) => long.message) // ['runner/cli.ts:12: 131 columns (max 120)']
 */
export function findLongLines(root: string, settings: BiomeSettings = readBiomeSettings(root)): LongLine[] {
  const { lineWidth, includes } = settings
  return codeFiles(root, includes).flatMap((file) =>
    longLinesIn(file, readFileSync(join(root, file), 'utf8'), lineWidth),
  )
}

/**
 * The lines of one file's `text` over `max` columns.
 *
 * @example
 *   longLinesIn('a.ts', `const a = 1\n${'x'.repeat(121)}\n`, 120)[0]?.message // 'a.ts:2: 121 columns (max 120)'
 */
export function longLinesIn(file: string, text: string, max: number): LongLine[] {
  const long: LongLine[] = []
  for (const [index, content] of text.split('\n').entries()) {
    const columns = [...content.replace(/\r$/, '')].length
    const line = index + 1
    if (columns > max) long.push({ file, line, columns, message: `${file}:${line}: ${columns} columns (max ${max})` })
  }
  return long
}
