import { fileURLToPath } from 'node:url'
import { stripVTControlCharacters } from 'node:util'
import { describe, expect, it } from 'vitest'
import { runGate, type GateOptions } from './run-gate.ts'

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))

async function gate(name: string, options: Partial<GateOptions> = {}): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = []
  const code = await runGate({ inputs: [fixture(name)], ...options }, (line) =>
    lines.push(stripVTControlCharacters(line)),
  )
  return { code, lines }
}

describe('parlance gate on fixture runs of cucumber-js', () => {
  it('is green when every criterion has a scenario that passed on every channel', async () => {
    const { code, lines } = await gate('green')
    expect(code).toBe(0)
    expect(lines.slice(0, 3)).toEqual([
      'Story   Criterion                        api   ui',
      'GATE-1  An order is confirmed once paid  ✓     ✓',
      '        An unpaid order stays open       ✓     ✓',
    ])
    expect(lines).not.toContain('Reasons for red:')
    expect(lines.at(-1)).toBe('Gate: GREEN')
  })

  it('is red when an acceptance criterion has no scenario', async () => {
    const { code, lines } = await gate('missing-criterion')
    expect(code).toBe(1)
    expect(lines).toContain('        A refund is made once only (no scenario)  –')
    expect(lines).toContain(
      '  ✗ GATE-2 › "A refund is made once only" (features/missing-criterion.feature:9): no scenario tests ' +
        'this acceptance criterion',
    )
    expect(lines.at(-1)).toBe('Gate: RED')
  })

  it('is red when a scenario failed, with the step, its message and the kind of its error', async () => {
    const { code, lines } = await gate('failed')
    expect(code).toBe(1)
    expect(lines).toContain('GATE-3  A winning bet pays stake times odds  E')
    expect(lines).toContain('Counted: 1 error')
    const at = lines.indexOf(
      '  ✗ GATE-3 › "A winning bet pays stake times odds" › "Paying a winner" (features/failed.feature:6) on ' +
        'api: error',
    )
    expect(lines.slice(at + 1, at + 3)).toEqual([
      '      Given a step fails with "expected 500 pence, got 450"',
      '      expected 500 pence, got 450',
    ])
    expect(lines.at(-1)).toBe('Gate: RED')
  })

  it('is red when a step is undefined', async () => {
    const { code, lines } = await gate('undefined')
    expect(code).toBe(1)
    expect(lines).toContain('GATE-4  A cash out offer follows the odds  ?')
    expect(lines).toContain(
      '  ✗ GATE-4 › "A cash out offer follows the odds" › "Offering a cash out" (features/undefined.feature:6) ' +
        'on api: undefined',
    )
    expect(lines).toContain('      undefined step: write a step definition for it')
  })

  it('is red when a step is pending', async () => {
    const { code, lines } = await gate('pending')
    expect(code).toBe(1)
    expect(lines).toContain(
      '  ✗ GATE-5 › "A stake above the limit is refused" › "Refusing a large stake" ' +
        '(features/pending.feature:6) on api: pending',
    )
    expect(lines).toContain('      pending step: it is not implemented yet')
  })

  it('reports a scenario that passed only on a retry as flaky and red, unless --allow-flaky', async () => {
    const red = await gate('flaky')
    expect(red.code).toBe(1)
    expect(red.lines).toContain('GATE-6  A result is settled once  ~')
    expect(red.lines).toContain(
      '  ✗ GATE-6 › "A result is settled once" › "Settling a result" (features/flaky.feature:6) on api: flaky: ' +
        'failed, then passed on attempt 2 (--allow-flaky lets it through)',
    )
    expect(red.lines).toContain('      the stream was not ready yet')
    const allowed = await gate('flaky', { allowFlaky: true })
    expect(allowed.code).toBe(0)
    expect(allowed.lines).toContain(
      '  ~ GATE-6 › "A result is settled once" › "Settling a result" (features/flaky.feature:6) on api: passed ' +
        'on attempt 2',
    )
    expect(allowed.lines.at(-1)).toBe('Gate: GREEN')
  })

  it('accepts not-applicable on a channel by default, and is red when the config requires that channel', async () => {
    const accepted = await gate('not-applicable')
    expect(accepted.code).toBe(0)
    expect(accepted.lines).toContain('GATE-7  An amended result resettles bets  ✓     n/a')
    const required = await gate('not-applicable', { config: { required: { '@story:GATE-7': ['api', 'ui'] } } })
    expect(required.code).toBe(1)
    expect(required.lines).toContain(
      '  ✗ GATE-7 › "An amended result resettles bets" › "Amending a result" ' +
        '(features/not-applicable.feature:6) on ui: not applicable, but the gate config requires it on this ' +
        'channel: amendResult is not applicable: the punter UI has no trader page',
    )
  })

  it('is red when the config requires a channel the scenario never ran on', async () => {
    const { code, lines } = await gate('failed', { config: { required: { '@story:GATE-3': ['api', 'stream'] } } })
    expect(code).toBe(1)
    expect(lines).toContain(
      '  ✗ GATE-3 › "A winning bet pays stake times odds" › "Paying a winner" (features/failed.feature:6) on ' +
        'stream: did not run, but the gate config requires it on this channel',
    )
  })

  it('could not judge an unreadable message file: it names file:line and what was wrong', async () => {
    const { code, lines } = await gate('unreadable')
    expect(code).toBe(2)
    expect(lines[0]).toMatch(
      new RegExp(
        String.raw`^Could not judge: .*fixtures/unreadable/api/messages\.ndjson:2: not a cucumber message: ` +
          String.raw`.* in "\{"pickle": \{"id": "1", oops"$`,
      ),
    )
    expect(lines.at(-1)).toBe('Gate: COULD NOT JUDGE')
  })

  it('could not judge without results', async () => {
    const none = await gate('features')
    expect(none.code).toBe(2)
    expect(none.lines[0]).toBe(
      `Could not judge: no results: no cucumber messages (*.ndjson) in ${fixture('features')}; run parlance ` +
        `run first, or pass the message files`,
    )
    const missing = await runGate({ inputs: ['no/such/dir'] }, () => {})
    expect(missing).toBe(2)
  })

  it('passes the de-aliasing of messages through', async () => {
    const { lines } = await gate('failed', { dealias: (text) => text.replaceAll('450', '4.50 (de-aliased)') })
    expect(lines).toContain('      expected 500 pence, got 4.50 (de-aliased)')
  })
})
