import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'

/**
 * What the line-length check takes from `biome.json`, so the formatter and the
 * check never disagree: the width, and which files Biome formats.
 *
 * @example
 *   const settings: BiomeSettings = { lineWidth: 120, includes: ['**\/*.ts', '!runner/fixtures/cck'] }
 */
export interface BiomeSettings {
  lineWidth: number
  includes: readonly string[]
}

/**
 * Reads `formatter.lineWidth` and `files.includes` from the `biome.json` at `root`.
 *
 * @example
 *   readBiomeSettings('/work/parlance').lineWidth // 120
 */
export function readBiomeSettings(root: string): BiomeSettings {
  const file = join(root, 'biome.json')
  let config: { formatter?: { lineWidth?: unknown }; files?: { includes?: unknown } }
  try {
    config = JSON.parse(readFileSync(file, 'utf8'))
  } catch (cause) {
    throw new ConfigurationError(`line length: cannot read ${file} — it sets the width and the files to check`, {
      cause,
    })
  }
  const lineWidth = config.formatter?.lineWidth
  const includes = config.files?.includes
  if (typeof lineWidth !== 'number' || !Array.isArray(includes)) {
    throw new ConfigurationError(
      `line length: ${file} needs formatter.lineWidth (a number) and files.includes (a list of globs);` +
        ` found lineWidth ${JSON.stringify(lineWidth)}, includes ${JSON.stringify(includes)}`,
    )
  }
  return { lineWidth, includes }
}
