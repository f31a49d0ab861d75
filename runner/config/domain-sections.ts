import { minimatch } from 'minimatch'
import type { DomainConfig } from './config.ts'

/**
 * One section of the run's summary: a domain, its channels, and which
 * scenarios (by feature file) are its own.
 *
 * @example
 *   const section: SummarySection = {
 *     title: 'load-balancer',
 *     channels: ['http'],
 *     owns: (uri) => uri.startsWith('specs/load-balancer/'),
 *   }
 */
export interface SummarySection {
  title: string
  channels: string[]
  owns(uri: string): boolean
}

/**
 * A section per domain that runs, with the channels of it that run, in the
 * config's order; a scenario is a domain's when its feature file matches one
 * of the domain's `features` (a glob, a file, or a folder and all below it).
 *
 * @example
 *   domainSections({ settlement: { features: ['specs/settlement/**\/*.feature'], channels: ['api', 'ui'] } }, ['api'])
 *   // [{ title: 'settlement', channels: ['api'], owns }]
 */
export function domainSections(
  domains: Readonly<Record<string, DomainConfig>>,
  channels: readonly string[],
): SummarySection[] {
  return Object.entries(domains)
    .map(([title, domain]) => ({
      title,
      channels: domain.channels.filter((c) => channels.includes(c)),
      owns: featureMatcher(domain.features),
    }))
    .filter((section) => section.channels.length > 0)
}

/**
 * Whether a feature file's path (as cucumber reports it, relative to the
 * project root) is one of `patterns`.
 *
 * @example
 *   featureMatcher(['specs/parlance'])('specs/parlance/run.feature') // true
 *   featureMatcher(['specs/**\/*.feature'])('specs/a/b.feature') // true
 */
export function featureMatcher(patterns: readonly string[]): (uri: string) => boolean {
  const normalised = patterns.map((pattern) => pattern.replace(/^\.\//, '').replace(/\/+$/, ''))
  return (uri) => {
    const path = uri.replace(/^\.\//, '')
    return normalised.some((pattern) => minimatch(path, pattern) || path.startsWith(`${pattern}/`))
  }
}
