import { isAbsolute, relative, sep } from 'node:path'
import type { ISupportCodeLibrary } from '@cucumber/cucumber/api'
import type { ParlanceConfig } from '../config/config.ts'
import { featureMatcher } from '../config/domain-sections.ts'

/**
 * The support files a run imports, in order: the shared `support`, then each
 * selected domain's own (`domains.NAME.support`), without repeats.
 *
 * @example
 *   declare const config: ParlanceConfig
 *   supportPatterns(config, ['settlement']) // ['specs/support/**\/*.ts', 'specs/settlement/steps/**\/*.ts']
 */
export function supportPatterns(config: ParlanceConfig, domains: readonly string[]): string[] {
  return [...new Set([...config.support, ...domains.flatMap((name) => config.domains[name]?.support ?? [])])]
}

/**
 * Narrows the support code loaded for several domains to what one domain's
 * runs see: the shared support, and the domain's own; step definitions,
 * hooks and parameter types defined in another domain's support files are
 * left out. So two domains may each have a step "a customer", and cucumber's
 * snippet for an undefined step offers only the core's and the domain's own
 * parameter types. Worker processes import only the kept files, in the same
 * order, so their definitions line up with the ones kept here.
 *
 * A definition belongs to the file that makes the call (`Given(...)`), so a
 * domain's support files may import shared code, not another domain's.
 *
 * @example
 *   declare const library: ISupportCodeLibrary, config: ParlanceConfig
 *   const forSettlement = scopeSupport(library, { root: '/work/shop', config, domain: 'settlement' })
 *   forSettlement.originalCoordinates.importPaths // ['/work/shop/specs/support/parlance.ts', …/settlement/steps/…]
 */
export function scopeSupport(
  loaded: ISupportCodeLibrary,
  options: { root: string; config: ParlanceConfig; domain: string },
): ISupportCodeLibrary {
  const others = Object.entries(options.config.domains)
    .filter(([name]) => name !== options.domain)
    .map(([, domain]) => featureMatcher(domain.support ?? []))
  const own = featureMatcher(options.config.domains[options.domain]?.support ?? [])
  const projectPath = (file: string): string =>
    (isAbsolute(file) ? relative(options.root, file) : file).split(sep).join('/')
  const elsewhere = (file: string | undefined): boolean => {
    if (file === undefined) return false
    const path = projectPath(file)
    return !own(path) && others.some((owns) => owns(path))
  }
  const library = loaded as Library
  if (!library.originalCoordinates.importPaths.some(elsewhere)) return library
  const kept = (definitions: readonly Definition[]): Definition[] =>
    definitions.filter((definition) => !elsewhere(definition.uri))
  const scoped: Library = {
    ...library,
    originalCoordinates: {
      ...library.originalCoordinates,
      importPaths: library.originalCoordinates.importPaths.filter((file) => !elsewhere(file)),
      requirePaths: library.originalCoordinates.requirePaths.filter((file) => !elsewhere(file)),
    },
    stepDefinitions: kept(library.stepDefinitions),
    beforeTestCaseHookDefinitions: kept(library.beforeTestCaseHookDefinitions),
    afterTestCaseHookDefinitions: kept(library.afterTestCaseHookDefinitions),
    beforeTestStepHookDefinitions: kept(library.beforeTestStepHookDefinitions),
    afterTestStepHookDefinitions: kept(library.afterTestStepHookDefinitions),
    beforeTestRunHookDefinitions: kept(library.beforeTestRunHookDefinitions),
    afterTestRunHookDefinitions: kept(library.afterTestRunHookDefinitions),
    parameterTypeRegistry: scopedRegistry(library.parameterTypeRegistry, elsewhere),
  }
  return scoped
}

// What this module reads of cucumber-js 12's support code library, which its API types as opaque. The unit
// test loads a real one, so a cucumber that changes it fails there.
interface Definition {
  uri?: string
}
interface ParameterType {
  builtin?: boolean
}
interface Registry {
  parameterTypes: Iterable<ParameterType>
  lookupSource(type: ParameterType): { uri: string; line: number; order: number } | undefined
  defineSourcedParameterType(type: ParameterType, source: { uri: string; line: number }, order: number): void
}
interface Library extends ISupportCodeLibrary {
  stepDefinitions: Definition[]
  beforeTestCaseHookDefinitions: Definition[]
  afterTestCaseHookDefinitions: Definition[]
  beforeTestStepHookDefinitions: Definition[]
  afterTestStepHookDefinitions: Definition[]
  beforeTestRunHookDefinitions: Definition[]
  afterTestRunHookDefinitions: Definition[]
  parameterTypeRegistry: Registry
}

// A registry like cucumber's (its built-in types made afresh) holding the defined types not from another domain.
function scopedRegistry(registry: Registry, elsewhere: (file: string | undefined) => boolean): Registry {
  const scoped = new (registry.constructor as new () => Registry)()
  for (const type of registry.parameterTypes) {
    if (type.builtin) continue
    const source = registry.lookupSource(type)
    if (source && elsewhere(source.uri)) continue
    scoped.defineSourcedParameterType(
      type,
      { uri: source?.uri ?? 'unknown', line: source?.line ?? 0 },
      source?.order ?? 0,
    )
  }
  return scoped
}
