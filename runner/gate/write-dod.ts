import { writeFile } from 'node:fs/promises'
import { describeReason, rowName, rowStory, storylessHint, title } from './describe-reason.ts'
import type { DomainVerdict, GateRow, Verdict } from './judge.ts'
import { cellMarks, countLine, legend } from './render-table.ts'

/**
 * `dod.md`: the definition-of-done summary for a merge request — the verdict,
 * the count of each cell, per domain each story's criteria on that domain's
 * channels, the reasons for red and the failures with their kind and
 * (de-aliased) messages.
 *
 * @example
 *   declare const verdict: Verdict
 *   await writeFile('reports/dod.md', dodMarkdown(verdict, (text) => text))
 *   // '# Definition of done: RED ✗\n\nChannels: api, ui …'
 */
export function dodMarkdown(verdict: Verdict, dealias: (text: string) => string): string {
  const { channels, scenarios } = verdict
  const out = [
    `# Definition of done: ${verdict.green ? 'GREEN ✓' : 'RED ✗'}`,
    '',
    `Channels: ${channels.join(', ') || '(none)'} · scenario runs: ${scenarios.length}`,
    '',
    countLine(verdict),
    '',
  ]
  for (const domain of verdict.domains)
    out.push(...domainSection(domain, verdict.domains.length > 1 || domain.name !== undefined))
  const hint = storylessHint(verdict)
  if (hint) out.push(escapeCell(hint), '')
  out.push(`Legend: ${legend()}`, '')
  if (verdict.reasons.length > 0) {
    out.push('## Reasons for red', '')
    for (const reason of verdict.reasons) {
      const [head = '', ...rest] = describeReason(reason, dealias).split('\n')
      out.push(`- ${escapeCell(head)}`)
      if (rest.length > 0) out.push('', '  ```text', ...rest.map((line) => `  ${line}`), '  ```', '')
    }
    out.push('')
  }
  const flakyRuns = scenarios.filter((scenario) => scenario.flaky)
  if (flakyRuns.length > 0) {
    out.push('## Flaky', '')
    for (const scenario of flakyRuns) {
      const failures = dealias(scenario.retriedFailures.join('\n---\n'))
        .split('\n')
        .map((line) => `  ${line}`)
      out.push(
        `- ${escapeCell(title(scenario))} on ${scenario.channel}: passed on attempt ${scenario.attempts.length}`,
        '',
        '  ```text',
        ...failures,
        '  ```',
        '',
      )
    }
  }
  return `${out.join('\n').trimEnd()}\n`
}

// A domain's stories on its own channels only: a load-balancer story has no settlement columns.
function domainSection(domain: DomainVerdict, titled: boolean): string[] {
  const out = titled ? [`## ${domain.name ?? 'Stories'}`, ''] : []
  const stories = [...new Set(domain.criteria.map((row) => row.story))]
  if (!titled && stories.length > 0) out.push('## Stories', '')
  for (const story of stories) {
    out.push(
      `### ${story}`,
      '',
      ...table(
        domain.channels,
        domain.criteria.filter((row) => row.story === story),
        'Criterion',
      ),
      '',
    )
  }
  if (domain.loose.length > 0) {
    out.push(
      `${titled ? '###' : '##'} Scenarios outside Rules, and features without @story`,
      '',
      ...table(domain.channels, domain.loose, 'Scenario', true),
      '',
    )
  }
  return out
}

/**
 * Writes `dod.md` to `file`.
 *
 * @example
 *   declare const verdict: Verdict, dealias: (text: string) => string
 *   await writeDod('reports/dod.md', verdict, dealias)
 */
export async function writeDod(file: string, verdict: Verdict, dealias: (text: string) => string): Promise<void> {
  await writeFile(file, dodMarkdown(verdict, dealias))
}

function table(channels: string[], rows: GateRow[], head: string, withStory = false): string[] {
  const heads = [...(withStory ? ['Story'] : []), head, ...channels]
  const cells = (row: GateRow): string[] => [
    ...(withStory ? [rowStory(row)] : []),
    rowName(row),
    ...channels.map((channel) => cellMarks[row.cells[channel] ?? 'none']),
  ]
  return [
    `| ${heads.join(' | ')} |`,
    `|${heads.map(() => ' --- ').join('|')}|`,
    ...rows.map((row) => `| ${cells(row).map(escapeCell).join(' | ')} |`),
  ]
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}
