import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { nearest } from '../../drivers/core/nearest.ts'
import type { ProjectModel } from '../../drivers/parlance/index.ts'

/**
 * Refuses a scenario name the project does not have, with the nearest one:
 * an expectation about a misspelt scenario would otherwise say something false.
 *
 * @example
 *   declare const project: ProjectModel
 *   checkScenario('expectOutcome', project, 'Alice is payed')
 *   // ConfigurationError: expectOutcome: the project has no scenario "Alice is payed" — did you mean "Alice is paid"?
 *   //   Scenarios: Alice is paid
 */
export function checkScenario(method: string, project: ProjectModel, scenario: string): void {
  const names = project.scenarios.map((s) => s.name)
  if (names.includes(scenario)) return
  const suggestion = nearest(scenario, names)
  throw new ConfigurationError(
    `${method}: the project has no scenario ` +
      `"${scenario}"${suggestion ? ` — did you mean "${suggestion}"?` : ''} Scenarios: ` +
      `${names.join(', ') || 'none yet'}`,
  )
}

/**
 * Refuses a channel the project does not have, with the nearest one.
 *
 * @example
 *   declare const project: ProjectModel
 *   checkChannel('expectOutcome', project, 'iu')
 *   // ConfigurationError: expectOutcome: the project has no channel "iu" — did you mean "ui"? Channels: api, ui
 */
export function checkChannel(method: string, project: ProjectModel, channel: string): void {
  if (project.channels.includes(channel)) return
  const suggestion = nearest(channel, project.channels)
  throw new ConfigurationError(
    `${method}: the project has no channel "${channel}"${suggestion ? ` — did you mean "${suggestion}"?` : ''} ` +
      `Channels: ${project.channels.join(', ')}`,
  )
}
