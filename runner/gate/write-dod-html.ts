import { writeFile } from 'node:fs/promises'
import { cellAnchor, domainAnchor, rowAnchor, runAnchor } from './dod-html-anchors.ts'
import { cellBadge, cellNames, cellTitles, tableCell } from './dod-html-cells.ts'
import { domainRuns, hasRuns, rowKey } from './dod-html-runs.ts'
import { dodHtmlStyle } from './dod-html-style.ts'
import { describeReason, rowName, rowStory, title } from './describe-reason.ts'
import { html, trustedHtml, type Html } from './html-template.ts'
import type { DomainVerdict, GateRow, Reason, Verdict } from './judge.ts'
import { cellMarks, cellOrder } from './render-table.ts'

/**
 * `dod.html`: the definition of done as living documentation, one self-contained page — the verdict and the
 * run's figures at the top with the reasons for red; per domain, each story's criteria × the domain's
 * channels, every cell coloured by its kind and linking to its scenarios' attempts, steps and attachments.
 * Every text is escaped; messages are de-aliased.
 *
 * @example
 *   declare const verdict: Verdict
 *   dodHtml(verdict, (text) => text) // '<!doctype html>\n<html lang="en">…Definition of done: RED ✗…'
 */
export function dodHtml(verdict: Verdict, dealias: (text: string) => string): string {
  const word = verdict.green ? 'GREEN ✓' : 'RED ✗'
  const channels = verdict.channels.join(', ') || '(none)'
  const counts = cellOrder.flatMap((cell) => {
    const count = verdict.counts[cell]
    return count ? [html`<li>${cellBadge(cell, `${count} ${cellNames[cell]}`)}</li>`] : []
  })
  const named = verdict.domains.flatMap((domain) => (domain.name === undefined ? [] : [domain.name]))
  const nav = named.map((name) => html`<a href="#${domainAnchor(name)}">${name}</a>`)
  const runs = verdict.domains.map((domain) => {
    return html`${domain.name !== undefined && html`<h3>${domain.name}</h3>`}\n${domainRuns(domain, verdict, dealias)}`
  })
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Definition of done: ${verdict.green ? 'GREEN' : 'RED'}</title>
<style>
${trustedHtml(dodHtmlStyle)}
</style>
</head>
<body>
<header class="verdict verdict-${verdict.green ? 'green' : 'red'}" id="verdict">
<h1>Definition of done: <span class="verdict-word">${word}</span></h1>
<p class="figures">Channels: ${channels} · scenario runs: ${verdict.scenarios.length}</p>
<ul class="counts">${counts}</ul>
</header>
${named.length > 1 && html`<nav>Domains: ${nav}</nav>`}
${reasonsSection(verdict, dealias)}
${flakySection(verdict)}
<ul class="legend">${cellOrder.map((cell) => html`<li>${cellBadge(cell, cellTitles[cell])}</li>`)}</ul>
${verdict.domains.map((domain) => domainSection(domain))}
<h2 id="runs">Scenarios, by criterion and channel</h2>
${runs}
</body>
</html>
`
  return String(page)
}

/**
 * Writes `dod.html` to `file`.
 *
 * @example
 *   declare const verdict: Verdict
 *   await writeDodHtml('reports/dod.html', verdict, (text) => text)
 */
export async function writeDodHtml(file: string, verdict: Verdict, dealias: (text: string) => string): Promise<void> {
  await writeFile(file, dodHtml(verdict, dealias))
}

function reasonsSection(verdict: Verdict, dealias: (text: string) => string): Html {
  if (verdict.reasons.length === 0) return html``
  const rows = verdict.domains.flatMap((domain) => [...domain.criteria, ...domain.loose])
  const rowKeys = new Map(rows.flatMap((row) => row.scenarios.map((key) => [key, rowKey(row)] as const)))
  const items = verdict.reasons.map((reason) => {
    const [head = '', ...rest] = describeReason(reason, dealias).split('\n')
    const href = reasonLink(reason, rowKeys)
    return html`<li>${href === undefined ? head : html`<a href="#${href}">${head}</a>`}\
${rest.length > 0 && html`<pre class="error">${rest.join('\n')}</pre>`}</li>`
  })
  return html`<section id="reasons"><h2>Reasons for red</h2><ol class="reasons">${items}</ol></section>`
}

function reasonLink(reason: Reason, rowKeys: Map<string, string>): string | undefined {
  switch (reason.kind) {
    case 'scenario':
      return runAnchor(reason.channel, reason.scenario.key)
    case 'required-but-absent': {
      const row = rowKeys.get(reason.scenario.key)
      return row === undefined ? undefined : cellAnchor(reason.channel, row)
    }
    case 'untested-criterion':
      return rowAnchor(`${reason.uri}:${reason.line}`)
    default:
      return undefined
  }
}

function flakySection(verdict: Verdict): Html {
  const flaky = verdict.scenarios.filter((scenario) => scenario.flaky)
  if (flaky.length === 0) return html``
  const items = flaky.map((scenario) => {
    const allowed = verdict.allowedFlaky.includes(scenario) ? ' (allowed by --allow-flaky)' : ''
    const what = `${title(scenario)} on ${scenario.channel}: passed on attempt ${scenario.attempts.length}${allowed}`
    const href = `#${runAnchor(scenario.channel, scenario.key)}`
    return html`<li><span class="mark">${cellMarks.flaky}</span> <a href="${href}">${what}</a></li>`
  })
  return html`<section id="flaky"><h2>Flaky</h2><ul>${items}</ul></section>`
}

// A domain's stories on its own channels only: a load-balancer story has no settlement columns.
function domainSection(domain: DomainVerdict): Html {
  const stories = [...new Set(domain.criteria.map((row) => row.story))]
  const tables = stories.map((story) => {
    const rows = domain.criteria.filter((row) => row.story === story)
    const features = [...new Set(rows.map((row) => row.feature))].join(', ')
    return html`<h3>${story} <span class="feature">${features}</span></h3>
${table(domain.channels, rows, 'Criterion', false)}`
  })
  const id = domain.name === undefined ? 'stories' : domainAnchor(domain.name)
  const loose = html`<h3>Scenarios outside Rules, and features without @story</h3>
${table(domain.channels, domain.loose, 'Scenario', true)}`
  return html`<section class="domain" id="${id}">
<h2>${domain.name ?? 'Stories'} <span class="channels">${domain.channels.join(' · ')}</span></h2>
${stories.length === 0 && html`<p>No story with a Rule in the results.</p>`}
${tables}
${domain.loose.length > 0 && loose}
</section>
`
}

function table(channels: string[], rows: GateRow[], head: string, withStory: boolean): Html {
  const body = rows.map((row) => {
    const cells = channels.map((channel) => {
      const href = hasRuns(row, channel) ? `#${cellAnchor(channel, rowKey(row))}` : undefined
      return tableCell(row.cells[channel] ?? 'none', href)
    })
    return html`<tr id="${rowAnchor(rowKey(row))}" class="coverage-${row.coverage}">\
${withStory && html`<td>${rowStory(row)}</td>`}\
<th scope="row">${rowName(row)} <span class="where">${rowKey(row)}</span></th>${cells}</tr>
`
  })
  const channelHeads = channels.map((channel) => html`<th class="channel">${channel}</th>`)
  const heads = html`${withStory && html`<th class="story">Story</th>`}<th>${head}</th>${channelHeads}`
  return html`<table class="dod"><thead><tr>${heads}</tr></thead><tbody>
${body}</tbody></table>`
}
