import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { nearest } from '../../drivers/core/nearest.ts'
import { addDomainToConfig, type DomainSystem } from './domain-entry.ts'
import { domainFiles, scaffoldChannels, type GeneratedFile, type UnitTestRunner } from './domain-files.ts'
import { domainNames, type DomainNames } from './domain-names.ts'

/**
 * What the scaffold needs to know of the project a domain goes into.
 *
 * @example
 *   const project: ProjectFacts = {
 *     root: '/work/shop',
 *     configFile: 'parlance.config.ts',
 *     configText: 'export default defineConfig({ … })',
 *     domains: ['shop'],
 *     systemFor: (urlVariable) => (urlVariable === 'SHOP_URL' ? { name: 'stub', addAddress: false } : undefined),
 *     unitTests: 'node',
 *     browserChannels: [],
 *   }
 */
export interface ProjectFacts {
  /** The project's folder: the config file's. */
  root: string
  /** The config file, relative to `root`. */
  configFile: string
  configText: string
  /** The domains the config already has. */
  domains: readonly string[]
  /** The system a domain whose drivers read `urlVariable` runs against, if the project has one for it. */
  systemFor(urlVariable: string): DomainSystem | undefined
  unitTests: UnitTestRunner
  /** The channels the config's `channels` marks `browser: true`. */
  browserChannels: readonly string[]
}

/**
 * A domain the scaffold wrote.
 *
 * @example
 *   declare const written: ScaffoldedDomain
 *   written.files.map((file) => file.path) // ['specs/orders/orders.feature', …]
 */
export interface ScaffoldedDomain {
  names: DomainNames
  channels: string[]
  files: GeneratedFile[]
  /** The system its scenarios run against, if the project has one for it. */
  system: DomainSystem | undefined
  /** Whether its entry went into the config. */
  configEdited: boolean
}

/**
 * Checks `--channels`: a comma list of channels a driver can be made for,
 * given back without repeats, in the order of {@link scaffoldChannels}.
 *
 * @example
 *   parseScaffoldChannels('ui,api') // ['api', 'ui']
 *   parseScaffoldChannels('api,stream')
 *   // → ConfigurationError: --channels: no driver can be made for "stream"; the channels are api and ui, …
 */
export function parseScaffoldChannels(list: string): string[] {
  const given = list.split(',').map((channel) => channel.trim())
  for (const channel of given) {
    if (scaffoldChannels.includes(channel)) continue
    const suggestion = nearest(channel, scaffoldChannels)
    throw new ConfigurationError(
      `--channels: no driver can be made for ${channel === '' ? 'an empty name' : `"${channel}"`}` +
        `${suggestion ? ` — did you mean "${suggestion}"?` : ''}; the channels are api and ui, e.g. --channels api,ui`,
    )
  }
  return scaffoldChannels.filter((channel) => given.includes(channel))
}

/**
 * Writes a new domain into a project: its files, and its entry in the config
 * (unless `skipConfig`). Checks everything first and writes nothing when
 * anything is wrong: a bad name, a domain the config already has, a file that
 * exists (it never overwrites one), no place in the config for the entry.
 *
 * @example
 *   declare const project: ProjectFacts
 *   const written = scaffoldDomain(project, 'orders', ['api', 'ui'], { skipConfig: false })
 *   written.files.length // 9
 */
export function scaffoldDomain(
  project: ProjectFacts,
  name: string,
  channels: readonly string[],
  { skipConfig }: { skipConfig: boolean },
): ScaffoldedDomain {
  const names = domainNames(name)
  if (!skipConfig && project.domains.includes(name)) {
    throw new ConfigurationError(
      `${project.configFile} already has a domain "${name}" (its domains: ${project.domains.join(', ')}); ` +
        'choose another name',
    )
  }
  const files = domainFiles(names, channels, project.unitTests)
  const existing = files.map((file) => file.path).filter((path) => existsSync(join(project.root, path)))
  if (existing.length > 0) {
    throw new ConfigurationError(
      `${listed(existing)} already ${existing.length === 1 ? 'exists' : 'exist'}, and parlance new never ` +
        'overwrites a file: move it away, or choose another domain name. Nothing was written.',
    )
  }
  const system = project.systemFor(names.urlVariable)
  const edit = skipConfig ? undefined : addDomainToConfig(project.configText, names, channels, system)
  if (edit && 'paste' in edit) {
    throw new ConfigurationError(
      `cannot find where to add the ${name} domain in ${project.configFile}: it needs one "domains: {" ` +
        `${system?.addAddress ? `and a "${system.name}: {" system with an "env: {" ` : ''}` +
        'whose entries are on lines of their own. Nothing was written. Add this to it by hand:\n' +
        `${edit.paste}\nthen write the files with parlance new domain ${name} --skip-config`,
    )
  }
  for (const file of files) {
    mkdirSync(dirname(join(project.root, file.path)), { recursive: true })
    writeFileSync(join(project.root, file.path), file.text)
  }
  if (edit) writeFileSync(join(project.root, project.configFile), edit.text)
  return { names, channels: [...channels], files, system, configEdited: edit !== undefined }
}

function listed(paths: readonly string[]): string {
  return paths.length === 1 ? paths[0]! : `${paths.slice(0, -1).join(', ')} and ${paths.at(-1)}`
}
