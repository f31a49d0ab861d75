import type { ParlanceConfig } from './config.ts'
import { featureMatcher } from './domain-sections.ts'

/**
 * What plain `npx cucumber-js` imports (the repository's `cucumber.js` asks):
 * the shared `support`, and the own support of each domain whose features the
 * named paths hold — every domain's when no path is named. So
 * `npx cucumber-js specs/settlement` sees the settlement domain's steps and
 * parameter types only, as `parlance run --domain settlement` does.
 *
 * @example
 *   declare const config: ParlanceConfig
 *   cucumberImports(config, ['specs/settlement/bets.feature:12'])
 *   // ['specs/support/**\/*.ts', 'specs/settlement/steps/**\/*.ts']
 */
export function cucumberImports(config: ParlanceConfig, paths: readonly string[]): string[] {
  const named = paths.map((path) =>
    path
      .replace(/(:\d+)+$/, '')
      .replace(/^\.\//, '')
      .replace(/\/+$/, ''),
  )
  const domains = Object.values(config.domains).filter(
    (domain) => named.length === 0 || named.some((path) => holdsFeaturesOf(path, domain.features)),
  )
  return [...new Set([...config.support, ...domains.flatMap((domain) => domain.support ?? [])])]
}

// A path holds a domain's features when it is one of them, is inside one of its folders, or is a folder above them.
function holdsFeaturesOf(path: string, features: readonly string[]): boolean {
  if (path === '' || path === '.') return true
  if (featureMatcher(features)(path)) return true
  return features.some((pattern) => {
    const base = staticBase(pattern)
    return base === path || base.startsWith(`${path}/`)
  })
}

// The part of a glob before its first pattern character: 'specs/settlement/**/*.feature' → 'specs/settlement'.
function staticBase(pattern: string): string {
  const segments = pattern.replace(/^\.\//, '').split('/')
  const first = segments.findIndex((segment) => /[*?[{]/.test(segment))
  return (first === -1 ? segments : segments.slice(0, first)).join('/').replace(/\/+$/, '')
}
