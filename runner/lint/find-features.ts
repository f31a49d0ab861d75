import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { minimatch } from 'minimatch'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'

/**
 * The feature files `paths` name, absolute and sorted: a file, a folder (every
 * `*.feature` below it) or a glob (`specs/**\/*.feature`), each relative to `root`.
 * A path that names nothing is a ConfigurationError.
 *
 * @example
 *   findFeatures(['specs/settlement', 'specs/parlance/*.feature'], '/work/main')
 *   // ['/work/main/specs/parlance/channels.feature', …, '/work/main/specs/settlement/amended-results.feature', …]
 */
export function findFeatures(paths: readonly string[], root: string): string[] {
  const found = new Set<string>()
  for (const path of paths) {
    const matches = /[*?[{]/.test(path) ? expandGlob(path, root) : expandPath(path, root)
    for (const match of matches) found.add(match)
  }
  return [...found].sort()
}

function expandPath(path: string, root: string): string[] {
  const absolute = resolve(root, path)
  if (!existsSync(absolute))
    throw new ConfigurationError(`lint: no file or folder at ${path}; check the path (it is relative to ${root})`)
  return statSync(absolute).isDirectory() ? walk(absolute).filter((file) => file.endsWith('.feature')) : [absolute]
}

function expandGlob(pattern: string, root: string): string[] {
  const segments = pattern.split('/')
  const fixed = segments
    .slice(
      0,
      segments.findIndex((segment) => /[*?[{]/.test(segment)),
    )
    .join('/')
  const base = resolve(root, fixed)
  if (!existsSync(base) || !statSync(base).isDirectory()) return []
  const wanted = relative(root, resolve(root, pattern)).split(sep).join('/')
  return walk(base).filter((file) => minimatch(relative(root, file).split(sep).join('/'), wanted))
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) return []
    const path = join(dir, entry.name)
    return entry.isDirectory() ? walk(path) : [path]
  })
}
