import { writeFile } from 'node:fs/promises'
import { title, type GateRow, type Verdict } from './judge.ts'
import { cellMarks } from './render-table.ts'

/**
 * `dod.md`: the definition-of-done summary for a merge request — the verdict,
 * each story's criteria per channel, the reasons for red and the failures with
 * their (de-aliased) messages.
 *
 * @example
 *   await writeFile('reports/dod.md', dodMarkdown(verdict, (text) => text))
 *   // '# Definition of done: RED\n\nChannels: api, ui …'
 */
export function dodMarkdown(verdict: Verdict, dealias: (text: string) => string): string {
  const { channels, scenarios } = verdict
  const flaky = scenarios.filter((scenario) => scenario.flaky).length
  const out = [
    `# Definition of done: ${verdict.green ? 'GREEN ✓' : 'RED ✗'}`,
    '',
    `Channels: ${channels.join(', ') || '(none)'} · scenario runs: ${scenarios.length} · passed: ${scenarios.filter((s) => s.status === 'passed').length} · flaky: ${flaky} · not applicable: ${scenarios.filter((s) => s.status === 'not-applicable').length}`,
    '',
  ]
  const stories = [...new Set(verdict.criteria.map((row) => row.story))]
  if (stories.length > 0) out.push('## Stories', '')
  for (const story of stories) {
    out.push(`### ${story}`, '', ...table(channels, verdict.criteria.filter((row) => row.story === story), 'Criterion'), '')
  }
  if (verdict.loose.length > 0) out.push('## Scenarios outside Rules, and features without @story', '', ...table(channels, verdict.loose, 'Scenario', true), '')
  out.push(`Legend: ✓ passed · ✗ failed · ! system compromised · ~ flaky · n/a not applicable · – not run · ? undefined, pending or ambiguous · skip skipped`, '')
  if (verdict.reasons.length > 0) {
    out.push('## Reasons for red', '')
    for (const reason of verdict.reasons) {
      const [head = '', ...rest] = reason.split('\n')
      out.push(`- ${escape(head)}`)
      if (rest.length > 0) out.push('', '  ```text', ...rest.map((line) => `  ${line}`), '  ```', '')
    }
    out.push('')
  }
  const flakyRuns = scenarios.filter((scenario) => scenario.flaky)
  if (flakyRuns.length > 0) {
    out.push('## Flaky', '')
    for (const scenario of flakyRuns) {
      out.push(`- ${escape(title(scenario))} on ${scenario.channel}: passed on attempt ${scenario.attempts.length}`, '', '  ```text', ...dealias(scenario.retriedFailures.join('\n---\n')).split('\n').map((line) => `  ${line}`), '  ```', '')
    }
  }
  return `${out.join('\n').trimEnd()}\n`
}

/**
 * Writes `dod.md` to `file`.
 *
 * @example
 *   await writeDod('reports/dod.md', verdict, dealias)
 */
export async function writeDod(file: string, verdict: Verdict, dealias: (text: string) => string): Promise<void> {
  await writeFile(file, dodMarkdown(verdict, dealias))
}

function table(channels: string[], rows: GateRow[], head: string, withStory = false): string[] {
  const heads = [...(withStory ? ['Story'] : []), head, ...channels]
  return [
    `| ${heads.join(' | ')} |`,
    `|${heads.map(() => ' --- ').join('|')}|`,
    ...rows.map((row) => `| ${[...(withStory ? [row.story] : []), row.criterion, ...channels.map((channel) => cellMarks[row.cells[channel] ?? 'none'])].map(escape).join(' | ')} |`),
  ]
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}
