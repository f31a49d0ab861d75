import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parlanceMediaTypes, type OutcomeAttachment } from '../core/report-media-types.ts'
import { buildChannelRun, cellOf, parseMessages, type ScenarioRun } from '../core/run-model/index.ts'
import type { ScenarioResult } from './suite-run.ts'

/**
 * Every scenario × channel of a domain's run, from the cucumber messages each
 * channel wrote to `<reportsDir>/<channel>/messages.ndjson` (`reportsDir` is
 * the domain's, `reports/<domain>`), read by the run model
 * the runner's summary and gate use. A channel without the file ran nothing.
 *
 * @example
 *   readReports('/tmp/parlance-project-x1/reports/run-1', ['api', 'ui'])
 *   // [{ scenario: 'Alice is paid', channel: 'api', outcome: 'assertion-failed',
 *   //    message: 'Alice was paid £5.00; expected £6.00', aliases: { Alice: 'alice-…' } }, …]
 */
export function readReports(reportsDir: string, channels: readonly string[]): ScenarioResult[] {
  return channels.flatMap((channel) => {
    const file = join(reportsDir, channel, 'messages.ndjson')
    return existsSync(file) ? readChannelMessages(channel, readFileSync(file, 'utf8'), file) : []
  })
}

/**
 * The scenarios of one channel's cucumber messages (NDJSON) that ran.
 *
 * @example
 *   declare const ndjson: string // reports/ui/messages.ndjson
 *   readChannelMessages('ui', ndjson)
 *   // [{ scenario: 'Alice asks for a refund', channel: 'ui', outcome: 'not-applicable',
 *   //    notApplicable: { operation: 'askForRefund', reason: '…' }, aliases: {…} }]
 */
export function readChannelMessages(
  channel: string,
  ndjson: string,
  file = `${channel}/messages.ndjson`,
): ScenarioResult[] {
  return buildChannelRun({ file, channel, envelopes: parseMessages(ndjson, file) })
    .scenarios.filter((scenario) => scenario.attempts.length > 0)
    .map((scenario) => resultOf(channel, scenario))
}

function resultOf(channel: string, scenario: ScenarioRun): ScenarioResult {
  const last = scenario.attempts.at(-1)!
  const attachments = last.steps.flatMap((step) => step.attachments)
  const body = (mediaType: string): unknown => {
    const found = attachments.find((attachment) => attachment.mediaType === mediaType)
    return found && JSON.parse(found.body)
  }
  const aliases = (body(parlanceMediaTypes.aliases) as { aliases: Record<string, string> } | undefined)?.aliases ?? {}
  const outcome = body(parlanceMediaTypes.outcome) as OutcomeAttachment | undefined
  const failedStep = last.steps.find((step) => step.error !== undefined)
  return {
    scenario: scenario.name,
    channel,
    outcome: cellOf(scenario),
    ...(failedStep?.error ? { message: failedStep.error } : {}),
    ...(outcome?.outcome === 'not-applicable'
      ? { notApplicable: { operation: outcome.operation, reason: outcome.reason } }
      : {}),
    aliases,
  }
}
