import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { minimatch } from 'minimatch'

const codeFile = /\.(ts|mts|cts|js|mjs|cjs)$/

/**
 * The code files of the repository at `root` that Biome formats: those git
 * tracks or would track (a new file counts before it is added), kept when
 * Biome's `files.includes` keeps them. JSON and Markdown are not code here.
 *
 * @example
 *   codeFiles('/work/parlance', ['**\/*.ts', '!runner/fixtures/cck']) // ['cucumber.js', 'drivers/core/channels.ts', …]
 */
export function codeFiles(root: string, includes: readonly string[]): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  return [...new Set(listed.split('\0'))]
    .filter((file) => codeFile.test(file) && isIncluded(file, includes) && existsSync(join(root, file)))
    .sort()
}

/**
 * Whether Biome's `files.includes` keeps `file`: the patterns are read in
 * order, the last that matches decides, and a `!pattern` excludes what it
 * matches or any file inside a folder it matches (`!!` too, as Biome does).
 *
 * @example
 *   isIncluded('runner/fixtures/cck/a.ts', ['**\/*.ts', '!runner/fixtures/cck']) // false
 *   isIncluded('runner/cli.ts', ['**\/*.ts', '!runner/fixtures/cck']) // true
 */
export function isIncluded(file: string, includes: readonly string[]): boolean {
  let included = false
  for (const include of includes) {
    const pattern = include.replace(/^!+/, '')
    const negated = pattern !== include
    if (negated ? matchesPathOrFolder(file, pattern) : minimatch(file, pattern)) included = !negated
  }
  return included
}

function matchesPathOrFolder(file: string, pattern: string): boolean {
  const folder = pattern.replace(/\/(\*\*)?$/, '')
  return minimatch(file, pattern) || minimatch(file, `${folder}/**`)
}
