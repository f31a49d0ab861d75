import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readMessageFile } from '../../drivers/core/run-model/index.ts'
import { runGate } from './run-gate.ts'
import { largeAttachmentBytes, writeHtml } from './write-html.ts'

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parlance-gate-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('the reports of parlance gate', () => {
  it('writes dod.md, dod.html, junit.xml, report.html and merged.ndjson', async () => {
    expect(await runGate({ inputs: [fixture('green')], reportsDir: dir }, () => {})).toBe(0)
    expect(readdirSync(dir).sort()).toEqual(['dod.html', 'dod.md', 'junit.xml', 'merged.ndjson', 'report.html'])
    const dod = readFileSync(join(dir, 'dod.md'), 'utf8')
    expect(dod).toContain('# Definition of done: GREEN ✓')
    expect(dod).toContain(
      '### GATE-1\n\n| Criterion | api | ui |\n| --- | --- | --- |\n| An order is confirmed once paid | ✓ | ✓ |',
    )
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<html')
    const merged = readFileSync(join(dir, 'merged.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, { uri?: string }>)
    expect(merged.filter((envelope) => envelope.pickle).map((envelope) => envelope.pickle!.uri)).toEqual([
      'api/features/green.feature',
      'api/features/green.feature',
      'ui/features/green.feature',
      'ui/features/green.feature',
    ])
    expect(merged.filter((envelope) => envelope.testRunFinished)).toHaveLength(1)
  })

  it('shows flaky honestly in JUnit: a passed testcase with flakyFailure, flaky property and system-out', async () => {
    await runGate({ inputs: [fixture('flaky')], reportsDir: dir }, () => {})
    const xml = readFileSync(join(dir, 'junit.xml'), 'utf8')
    expect(xml).toContain('<testsuite name="parlance api" tests="1" failures="0" errors="0" skipped="0" flakes="1"')
    expect(xml).toContain('<property name="flaky" value="true"/>')
    expect(xml).toContain('<flakyFailure type="error" message="the stream was not ready yet">')
    expect(xml).toContain('flaky: failed 1 time(s), then passed on attempt 2')
    expect(readFileSync(join(dir, 'dod.md'), 'utf8')).toContain('## Flaky')
  })

  it('shows not-applicable as skipped with its reason, failed with its message, undefined as an error', async () => {
    await runGate(
      { inputs: [fixture('not-applicable'), fixture('failed'), fixture('undefined')], reportsDir: dir },
      () => {},
    )
    const xml = readFileSync(join(dir, 'junit.xml'), 'utf8')
    expect(xml).toContain(
      '<skipped message="not applicable: amendResult is not applicable: the punter UI has no trader page"/>',
    )
    // A plain Error is an error of the run, typed by its kind; only a failed assertion is a <failure>.
    expect(xml).toContain(
      '<error type="error" message="expected 500 pence, got 450">Given a step fails with "expected 500 pence, ' +
        'got 450"\nexpected 500 pence, got 450</error>',
    )
    expect(xml).toContain('<error type="undefined" message="undefined: Given a step nobody has written yet">')
    const dod = readFileSync(join(dir, 'dod.md'), 'utf8')
    expect(dod).toContain('## Reasons for red')
    expect(dod).toContain(
      '- GATE-3 › "A winning bet pays stake times odds" › "Paying a winner" (features/failed.feature:6) on api: error',
    )
  })

  it('keeps attachments larger than 256 KiB out of the HTML: a file under attachments/ and a link to it', async () => {
    const { envelopes } = await readMessageFile(fixture('green/api/messages.ndjson'))
    const big = 'x'.repeat(largeAttachmentBytes + 1)
    const testCaseStartedId = envelopes.find((envelope) => envelope.testCaseStarted)!.testCaseStarted!.id
    const attachment = { body: big, contentEncoding: 'IDENTITY' as const, mediaType: 'text/plain', testCaseStartedId }
    await writeHtml(dir, [...envelopes.slice(0, -1), { attachment } as never, envelopes.at(-1)!])
    const [file] = readdirSync(join(dir, 'attachments'))
    expect(file).toMatch(/^attachment-.+\.txt$/)
    expect(readFileSync(join(dir, 'attachments', file!), 'utf8')).toBe(big)
    const html = readFileSync(join(dir, 'report.html'), 'utf8')
    expect(html).toContain(`./attachments/${file!}`)
    expect(html).not.toContain(big.slice(0, 1000))
    expect(existsSync(join(dir, 'report.html'))).toBe(true)
  })

  it('writes the HTML reports of every CCK sample', async () => {
    const cck = fileURLToPath(new URL('../fixtures/cck', import.meta.url))
    for (const sample of readdirSync(cck, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
      const out = join(dir, sample.name)
      const code = await runGate({ inputs: [join(cck, sample.name)], reportsDir: out }, () => {})
      expect(code).toBeLessThan(2)
      expect(readFileSync(join(out, 'report.html'), 'utf8').length).toBeGreaterThan(1000)
      const dod = readFileSync(join(out, 'dod.html'), 'utf8')
      expect(dod).toMatch(/<h1>Definition of done: <span class="verdict-word">(GREEN ✓|RED ✗)<\/span><\/h1>/)
      expect(dod).not.toMatch(/[^\P{Cc}\t\n\r]/u)
    }
  })
})
