import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { featureText } from './feature-text.ts'
import type { ProjectModel } from './project-model.ts'

const template = (path: string): string => fileURLToPath(new URL(`./project-template/${path}`, import.meta.url))

// The generated glue imports Parlance and cucumber as a project that has them installed would;
// they are pointed at this repository's own, so the project runs the Parlance under test.
const imports: Readonly<Record<string, string>> = {
  parlance: pathToFileURL(fileURLToPath(new URL('../../dsl/index.ts', import.meta.url))).href,
  '@cucumber/cucumber': import.meta.resolve('@cucumber/cucumber'),
}

/**
 * Where a generated project keeps what its system and workers record.
 *
 * @example
 *   join('/tmp/parlance-project-x1', stateDirName, 'system-starts.log') // one pid per start of the system
 *   join('/tmp/parlance-project-x1', stateDirName, 'requests.log') // one line per request it received
 */
export const stateDirName = 'state'

/**
 * Writes (or rewrites) a project that uses Parlance into `dir`: an ES module
 * package with its config,
 * the ledger system, the step glue, `project.json` (its channels, what each
 * channel cannot do, how the system fails or dies) and the feature file.
 *
 * @example
 *   import type { ScenarioModel } from './project-model.ts'
 *   declare const scenarios: ScenarioModel[]
 *   writeProject('/tmp/parlance-project-x1', { channels: ['api'], scenarios, limits: [] })
 *   // /tmp/parlance-project-x1/features/ledger.feature, …/support/ledger.ts, …/parlance.config.ts
 */
export function writeProject(dir: string, project: ProjectModel): void {
  for (const sub of ['features', 'support', 'system', stateDirName]) mkdirSync(join(dir, sub), { recursive: true })
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'generated-ledger-project', private: true, type: 'module' }, null, 2)}\n`,
  )
  copyFileSync(template('parlance.config.ts'), join(dir, 'parlance.config.ts'))
  copyFileSync(template('system/ledger.mjs'), join(dir, 'system', 'ledger.mjs'))
  writeFileSync(
    join(dir, 'support', 'ledger.ts'),
    pointImports(readFileSync(template('support/ledger.ts.tmpl'), 'utf8')),
  )
  writeFileSync(join(dir, 'project.json'), `${JSON.stringify(projectSettings(project), null, 2)}\n`)
  writeFileSync(join(dir, 'features', 'ledger.feature'), featureText(project.scenarios))
}

function projectSettings(project: ProjectModel): {
  channels: string[]
  cannot: Record<string, Record<string, string>>
  startupFailure?: string
  diesAfterAnswers?: number
} {
  const cannot: Record<string, Record<string, string>> = {}
  for (const { channel, operation, reason } of project.limits)
    cannot[channel] = { ...cannot[channel], [operation]: reason }
  return {
    channels: project.channels,
    cannot,
    ...(project.startupFailure ? { startupFailure: project.startupFailure } : {}),
    ...(project.diesAfterAnswers ? { diesAfterAnswers: project.diesAfterAnswers } : {}),
  }
}

function pointImports(source: string): string {
  return source.replace(/from '([^']+)'/g, (whole, specifier: string) =>
    Object.hasOwn(imports, specifier) ? `from '${imports[specifier]}'` : whole,
  )
}
