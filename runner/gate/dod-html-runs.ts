import {
  cellOf,
  failureKindLabels,
  type Attempt,
  type ScenarioRun,
  type StepRun,
} from '../../drivers/core/run-model/index.ts'
import { renderAttachment } from './dod-html-attachment.ts'
import { cellAnchor, runAnchor } from './dod-html-anchors.ts'
import { cellBadge, cellNames } from './dod-html-cells.ts'
import { rowName, rowStory } from './describe-reason.ts'
import { html, type Html } from './html-template.ts'
import type { DomainVerdict, GateRow, Verdict } from './judge.ts'

/**
 * The key of a gate row, `uri:line`: its cells link to `cellAnchor(channel, rowKey(row))`.
 *
 * @example
 *   declare const row: GateRow
 *   rowKey({ ...row, uri: 'specs/orders.feature', line: 5 }) // 'specs/orders.feature:5'
 */
export function rowKey(row: GateRow): string {
  return `${row.uri}:${row.line}`
}

/**
 * Whether a row's cell on a channel has runs to show: it is not empty and the row has scenarios.
 *
 * @example
 *   declare const row: GateRow
 *   hasRuns({ ...row, cells: { api: 'passed' }, scenarios: ['specs/orders.feature:6'] }, 'api') // true
 */
export function hasRuns(row: GateRow, channel: string): boolean {
  return (row.cells[channel] ?? 'none') !== 'none' && row.scenarios.length > 0
}

/**
 * A domain's runs, one section per row and channel (what a cell links to), each holding every scenario of
 * the row on that channel: its story and Rule, its cell, each attempt with its steps (status, duration,
 * error) and attachments. A failed, flaky or unfinished run is open; a passed or n/a one folded.
 *
 * @example
 *   declare const verdict: Verdict
 *   String(domainRuns(verdict.domains[0]!, verdict, (text) => text)) // '<section class="cell-runs" id="cell-api-…'
 */
export function domainRuns(domain: DomainVerdict, verdict: Verdict, dealias: (text: string) => string): Html {
  const runs = new Map(verdict.scenarios.map((scenario) => [`${scenario.channel} ${scenario.key}`, scenario]))
  const absent = new Set(
    verdict.reasons.flatMap((reason) =>
      reason.kind === 'required-but-absent' ? [`${reason.channel} ${reason.scenario.key}`] : [],
    ),
  )
  const sections = [...domain.criteria, ...domain.loose].flatMap((row) =>
    domain.channels
      .filter((channel) => hasRuns(row, channel))
      .map((channel) => {
        const items = row.scenarios.map((key) => {
          const run = runs.get(`${channel} ${key}`)
          if (run) return renderRun(run, dealias)
          if (!absent.has(`${channel} ${key}`)) return undefined
          return html`<p class="why">${key} did not run on ${channel}, but the gate config requires it there.</p>`
        })
        return html`<section class="cell-runs" id="${cellAnchor(channel, rowKey(row))}">
<h4>${rowStory(row)} › ${rowName(row)} <span class="channels">on ${channel}</span></h4>
${items}
</section>
`
      }),
  )
  return html`${sections}`
}

function renderRun(run: ScenarioRun, dealias: (text: string) => string): Html {
  const cell = cellOf(run)
  const open = cell !== 'passed' && cell !== 'not-applicable'
  const story = run.feature.storyId ? `Story ${run.feature.storyId}` : 'No story'
  const rule = run.rule ? html` · Rule “${run.rule.name}”` : ''
  const label = cell === 'flaky' ? `flaky: passed on attempt ${run.attempts.length}` : cellNames[cell]
  return html`<details class="run cell-${cell}" id="${runAnchor(run.channel, run.key)}"${open ? html` open` : ''}>
<summary>${cellBadge(cell, label)} ${run.name} <span class="where">${run.key} on ${run.channel}</span></summary>
<p class="context">${story} · Feature “${run.feature.name}” (${run.uri})${rule}</p>
${run.notApplicable && html`<p class="why">Not applicable: ${run.notApplicable}</p>`}
${run.notRun && html`<p class="why">Not run: ${run.notRun.reason}. ${run.notRun.fix}</p>`}
${run.attempts.length === 0 && html`<p class="why">No attempt: cucumber planned it but never ran it.</p>`}
${run.attempts.map((attempt, i) => renderAttempt(attempt, i, run.attempts.length, dealias))}
</details>
`
}

function renderAttempt(attempt: Attempt, index: number, of: number, dealias: (text: string) => string): Html {
  const status = attempt.status === 'failed' ? failureKindLabels[attempt.failureKind ?? 'error'] : attempt.status
  const stepsSayWhy = attempt.steps.some((step) => step.error !== undefined)
  return html`<section class="attempt attempt-${attempt.status}">
<h5>Attempt ${index + 1} of ${of}: ${status} <span class="duration">${formatDuration(attempt.durationMs)}</span></h5>
${attempt.failure && !stepsSayWhy && html`<pre class="error">${dealias(attempt.failure)}</pre>`}
${attempt.steps.length > 0 && html`<ol class="steps">${attempt.steps.map((step) => renderStep(step, dealias))}</ol>`}
</section>
`
}

function renderStep(step: StepRun, dealias: (text: string) => string): Html {
  return html`<li class="step step-${step.status}"><span class="step-status">${step.status}</span> ${step.text} \
<span class="duration">${formatDuration(step.durationMs)}</span>\
${step.error !== undefined && html`<pre class="error">${dealias(step.error)}</pre>`}\
${step.attachments.map(renderAttachment)}</li>
`
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`
}
