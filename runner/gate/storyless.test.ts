import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { stripVTControlCharacters } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { storiesDocs } from './describe-reason.ts'
import { runGate, type GateOptions } from './run-gate.ts'

// A suite with no @story and no Rule, run by the real cucumber-js 12 CLI (see fixtures/storyless/make.ts):
// tagged.ndjson ran features/ with --tags 'not @slow'; premium.ndjson ran features/premium.feature only.
const here = fileURLToPath(new URL('./fixtures/storyless/', import.meta.url))
const bin = fileURLToPath(new URL('../bin/parlance.mjs', import.meta.url))
const reports = mkdtempSync(join(tmpdir(), 'parlance-storyless-'))
afterAll(() => rmSync(reports, { recursive: true, force: true }))

async function gate(options: Partial<GateOptions>): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = []
  const code = await runGate({ inputs: [], cwd: here, ...options }, (line) =>
    lines.push(stripVTControlCharacters(line).replaceAll(here, '')),
  )
  return { code, lines }
}

const hint =
  'Hint: no feature in these results has @story:ID or a Rule:, so the gate judged scenarios, not stories. Tag each ' +
  'Feature with @story:ID and put each acceptance criterion in a Rule: with its scenarios under it; see ' +
  'docs/definition-of-done.md#from-features-to-stories'

describe('parlance gate on a suite without stories', () => {
  it('--tags: the filtered-out scenarios are not in this run, never red; one line says what to add', async () => {
    const { code, lines } = await gate({ inputs: [`${here}tagged.ndjson`] })
    expect(lines.slice(0, 11)).toEqual([
      'Story                        Criterion                                cucumber-js',
      '  (no story with a Rule in the results)',
      '',
      'Scenarios outside Rules, and features without @story:',
      '(no story) Hear shout        Listener within range                    ✓',
      '                             Listener out of range (not in this run)  –',
      '                             Shouting 100 metres (not in this run)    –',
      '                             Shouting 101 metres (not in this run)    –',
      '(no story) Premium accounts  Premium shouts travel further            ✓',
      '',
      hint,
    ])
    expect(lines.slice(-3)).toEqual(['Counted: 2 passed', '', 'Gate: GREEN'])
    expect(code).toBe(0)
  })

  it('a subset of the feature files: with --features, the files not run are not in this run', async () => {
    const { code, lines } = await gate({ inputs: [`${here}premium.ndjson`], features: ['features'], channel: 'api' })
    // A feature the run has nothing of is one row, however many scenarios it has.
    expect(lines.slice(0, 8)).toEqual([
      'Story                        Criterion                      api',
      '  (no story with a Rule in the results)',
      '',
      'Scenarios outside Rules, and features without @story:',
      '(no story) Hear shout        4 scenarios (not in this run)  –',
      '(no story) Premium accounts  Premium shouts travel further  ✓',
      '',
      hint,
    ])
    expect(code).toBe(0)
  })

  it('without --features, only what the messages hold is listed', async () => {
    const { lines } = await gate({ inputs: [`${here}premium.ndjson`] })
    expect(lines.slice(3, 6)).toEqual([
      'Scenarios outside Rules, and features without @story:',
      '(no story) Premium accounts  Premium shouts travel further  ✓',
      '',
    ])
  })

  it('the hint links a heading the docs have', () => {
    const [file = '', anchor] = storiesDocs.split('#')
    const slugs = readFileSync(fileURLToPath(new URL(`../../${file}`, import.meta.url)), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('#'))
      .map((line) =>
        line
          .replace(/^#+\s*/, '')
          .toLowerCase()
          .replace(/[^\w\s-]/g, '')
          .replace(/\s+/g, '-'),
      )
    expect(slugs).toContain(anchor)
  })

  it('dod.md carries the hint too', async () => {
    await gate({ inputs: [`${here}tagged.ndjson`], reportsDir: reports })
    const dod = readFileSync(join(reports, 'dod.md'), 'utf8')
    expect(dod).toContain(`\n${hint}\n`)
    expect(dod).toContain('| (no story) Hear shout | Listener out of range (not in this run) | – |')
  })

  it('says what was wrong with --channel, NAME=FILE and --features', async () => {
    const first = async (options: Partial<GateOptions>): Promise<string | undefined> => (await gate(options)).lines[0]
    const both = [`${here}tagged.ndjson`, `${here}premium.ndjson`]
    expect(await first({ inputs: both, channel: 'api' })).toBe(
      'Could not judge: --channel api names the channel of one run, but the results hold 2: tagged.ndjson, ' +
        'premium.ndjson; name each run instead, e.g. api=tagged.ndjson NAME=premium.ndjson',
    )
    expect(await first({ inputs: [`${here}tagged.ndjson`], channel: 'my api' })).toBe(
      'Could not judge: --channel "my api" is not a channel name; use letters, digits, ".", "_" and "-", e.g. ' +
        '--channel api',
    )
    expect(await first({ inputs: both.map((file, i) => `${['api', 'ui'][i]}=${file}`), channel: 'api' })).toBe(
      'Could not judge: --channel api names no run: NAME=FILE names every one (tagged.ndjson, premium.ndjson); ' +
        'leave --channel out, or give it the one file without a NAME=',
    )
    const fixtures = 'runner/gate/fixtures/storyless'
    expect(await first({ inputs: [`api=${fixtures}`] })).toBe(
      `Could not judge: api=${fixtures}: ${fixtures} holds 2 message files (${fixtures}/premium.ndjson, ` +
        `${fixtures}/tagged.ndjson); NAME=FILE names the channel of one run: give one file, e.g. ` +
        `api=${fixtures}/premium.ndjson`,
    )
    expect(await first({ inputs: [`${here}tagged.ndjson`], features: ['specs'] })).toBe(
      'Could not judge: --features specs: no such file or directory; pass the feature files (*.feature) the run ' +
        'was made from, or their directory, e.g. --features features',
    )
  })

  it('a run is the channel Parlance’s outcome attachments in it name, whatever its file is called', async () => {
    const copied = join(reports, 'results-from-ci.ndjson')
    copyFileSync(fileURLToPath(new URL('./fixtures/not-applicable/ui/messages.ndjson', import.meta.url)), copied)
    const { lines } = await gate({ inputs: [copied, `api=${here}premium.ndjson`] })
    expect(lines[0]).toBe('Story                        Criterion                         ui    api')
  })

  it('the command line: --channel and --features', { timeout: 60_000 }, () => {
    const child = spawnSync(
      process.execPath,
      [bin, 'gate', 'premium.ndjson', '--channel', 'api', '--features', 'features/hear-shout.feature'],
      { cwd: here, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 50_000 },
    )
    expect(child.stdout.split('\n').slice(0, 6)).toEqual([
      'Story                        Criterion                      api',
      '  (no story with a Rule in the results)',
      '',
      'Scenarios outside Rules, and features without @story:',
      '(no story) Hear shout        4 scenarios (not in this run)  –',
      '(no story) Premium accounts  Premium shouts travel further  ✓',
    ])
    expect([child.status, child.stderr]).toEqual([0, ''])
  })
})
