import { minimatch } from 'minimatch'
import type { ChannelRun } from '../../drivers/core/run-model/index.ts'
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
 *   const domains = { settlement: { features: ['specs/settlement/**\/*.feature'], channels: ['api', 'ui'] } }
 *   domainSections(domains, [{ domain: 'settlement', channel: 'api' }])
 *   // [{ title: 'settlement', channels: ['api'], owns }]
 */
export function domainSections(
  domains: Readonly<Record<string, DomainConfig>>,
  runs: readonly { domain: string; channel: string }[],
): SummarySection[] {
  return Object.entries(domains)
    .map(([title, domain]) => ({
      title,
      channels: domain.channels.filter((c) => runs.some((run) => run.domain === title && run.channel === c)),
      owns: featureMatcher(domain.features),
    }))
    .filter((section) => section.channels.length > 0)
}

/**
 * The sections of results read back from message files (`parlance gate`,
 * `parlance merge`): a domain is in them when a run holds one of its
 * features, with the channels of the runs that do.
 *
 * @example
 *   declare const runs: ChannelRun[]
 *   const domains = { shop: { features: ['specs/shop'], channels: ['api', 'ui'] } }
 *   sectionsOfRuns(domains, runs) // [{ title: 'shop', channels: ['api'], owns }] when only api ran
 */
export function sectionsOfRuns(
  domains: Readonly<Record<string, DomainConfig>>,
  runs: readonly Pick<ChannelRun, 'channel' | 'features'>[],
): SummarySection[] {
  const ran = Object.entries(domains).flatMap(([domain, config]) => {
    const owns = featureMatcher(config.features)
    return runs.filter((run) => run.features.some((feature) => owns(feature.uri))).map((run) => ({ domain, ...run }))
  })
  return domainSections(domains, ran)
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
