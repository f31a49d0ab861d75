import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { isGroupAlive } from '../../core/process-group.ts'
import { liveGroups } from '../../core/process-registry.ts'
import { stopAllProcesses } from '../../core/process-supervisor.ts'
import { fakeDriverContext, type FakeDriverContext } from '../../core/test-fixtures/fake-driver-context.ts'
import { engineCommandEnvName } from './engine-command.ts'
import { PrivateSettlementEngine, startPrivateEngine } from './private-engine.ts'

const contexts: FakeDriverContext[] = []

function scenario(): FakeDriverContext {
  const ctx = fakeDriverContext()
  contexts.push(ctx)
  return ctx
}

async function post(
  url: string,
  path: string,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

async function placeBet(url: string): Promise<string> {
  expect(
    (await post(url, '/events', { id: 'aintree-1', name: 'Aintree 14:00', runners: ['Red Rum', 'Crisp'] })).status,
  ).toBe(201)
  const bet = await post(url, '/bets', {
    customer: 'alice',
    stake: '10',
    legs: [{ event: 'aintree-1', runner: 'Red Rum', price: '5/1' }],
  })
  expect(bet.status).toBe(201)
  return String(bet.body.id)
}

const savedCommand = process.env[engineCommandEnvName]

afterEach(async () => {
  if (savedCommand === undefined) delete process.env[engineCommandEnvName]
  else process.env[engineCommandEnvName] = savedCommand
  for (const ctx of contexts.splice(0)) await ctx.endScenario({ failed: false })
  await stopAllProcesses()
  expect(liveGroups()).toEqual([])
})

describe('startPrivateEngine', () => {
  it('keeps an acknowledged bet through kill -9 and a restart on the same port', { timeout: 60_000 }, async () => {
    const ctx = scenario()
    const engine = await PrivateSettlementEngine.start(ctx)
    expect(engine.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const betId = await placeBet(engine.url)
    const crashed = engine.pid!

    await engine.crash()
    expect([isGroupAlive(crashed), engine.pid]).toEqual([false, undefined])
    await expect(fetch(`${engine.url}/health`)).rejects.toThrow('fetch failed')

    await engine.restart()
    expect(engine.pid).not.toBe(crashed)
    const bet = (await (await fetch(`${engine.url}/bets/${betId}`)).json()) as Record<string, unknown>
    expect(bet).toMatchObject({ id: betId, customer: 'alice', status: 'open', stake: '10.00' })
    expect(ctx.logLines.map((line) => line.replace(/\d+/g, 'N').replace(/ \/\S+\)/, ' DIR)'))).toEqual([
      'private settlement engine started at http://N.N.N.N:N (pid N, data directory DIR)',
      'private settlement engine crashed: kill -N to process group N',
      'private settlement engine restarted at http://N.N.N.N:N (pid N, start N, replayed DIR)',
    ])
  })

  it('restarts a running engine gracefully, keeping its url', { timeout: 60_000 }, async () => {
    const engine = await PrivateSettlementEngine.start(scenario())
    const first = engine.pid!
    await engine.restart()
    expect([isGroupAlive(first), engine.pid === first, (await fetch(`${engine.url}/health`)).status]).toEqual([
      false,
      false,
      200,
    ])
  })

  it('at the end of the scenario stops the engine, removes its data directory and attaches its log on failure', {
    timeout: 60_000,
  }, async () => {
    const ctx = fakeDriverContext()
    const engine = await PrivateSettlementEngine.start(ctx)
    await engine.crash()
    await engine.restart()
    const pid = engine.pid!
    await ctx.endScenario({ failed: true })

    expect([isGroupAlive(pid), existsSync(engine.dataDir), liveGroups()]).toEqual([false, false, []])
    const [log] = ctx.attachments
    expect([log?.fileName, log?.mediaType]).toEqual(['settlement-engine.log', 'text/plain'])
    const text = String(log?.data)
    expect(text.split('\n').filter((line) => line.startsWith('---'))).toEqual(['--- start 1 ---', '--- start 2 ---'])
    expect(text).toContain(`[stdout] settlement engine listening on ${engine.url}`)
    expect(text).toContain('[stdout] settlement engine stopped')
  })

  it('refuses to crash an engine that is not running', { timeout: 60_000 }, async () => {
    const engine = await startPrivateEngine(scenario())
    await engine.crash()
    await expect(engine.crash()).rejects.toThrow(
      `crash: the private settlement engine at ${engine.url} is not running (it was killed by SIGKILL); ` +
        `restart() it before crashing it again`,
    )
  })

  it('masks the secrets of its command and output in its start error and in its attached log', {
    timeout: 60_000,
  }, async () => {
    // Says a secret, then listens as the engine does; with --fail-fast it exits before that instead.
    const fake =
      "const port = process.argv.includes('--fail-fast') ? -1 : 0; " +
      "console.error('ledger at postgres://engine:pa55-word@db/ledger?password=pa55-word'); " +
      "if (port < 0) process.exit(3); const server = require('http').createServer((q, s) => s.end()); " +
      "server.listen(0, '127.0.0.1', () => console.log('settlement engine listening on http://127.0.0.1:' + " +
      'server.address().port))'
    process.env[engineCommandEnvName] = JSON.stringify([process.execPath, '-e', fake, '--', '--api-key=key-0123456'])
    const ctx = fakeDriverContext()
    const engine = await PrivateSettlementEngine.start(ctx)
    await ctx.endScenario({ failed: true })
    expect(String(ctx.attachments[0]?.data).split('\n')).toEqual([
      '--- start 1 ---',
      '[stderr] ledger at postgres://****:****@db/ledger?password=****',
      `[stdout] settlement engine listening on ${engine.url}`,
      '',
    ])

    process.env[engineCommandEnvName] = JSON.stringify([process.execPath, '-e', fake, '--', '--fail-fast'])
    const error = await startPrivateEngine(scenario()).then(
      () => new Error('expected the engine not to start'),
      (thrown: unknown) => thrown as Error,
    )
    expect(error.message.slice(error.message.indexOf('Its last'))).toBe(
      'Its last 1 line of output:\n  [stderr] ledger at postgres://****:****@db/ledger?password=****',
    )
    process.env[engineCommandEnvName] = JSON.stringify([
      process.execPath,
      '-e',
      'process.exit(3)',
      '--',
      '--key=k-0123',
    ])
    const commandError = await startPrivateEngine(scenario()).then(
      () => new Error('expected the engine not to start'),
      (thrown: unknown) => thrown as Error,
    )
    expect(commandError.message).toMatch(/ -- --key=\*\*\*\* --port 0 --data-dir /)
    expect(`${error.message}${commandError.message}`).not.toMatch(/pa55-word|k-0123/)
  })

  it('leaves no data directory behind when the engine does not start', async () => {
    // A temporary folder of its own: the shared one gets parlance-engine-* folders from every other run on the machine.
    const savedTmpdir = process.env.TMPDIR
    const ownTmpdir = mkdtempSync(join(tmpdir(), 'private-engine-test-'))
    process.env.TMPDIR = ownTmpdir
    try {
      process.env[engineCommandEnvName] = JSON.stringify([
        process.execPath,
        '-e',
        'console.error("no engine here"); process.exit(3)',
        '--',
      ])
      await expect(startPrivateEngine(scenario())).rejects.toThrow(
        /exited with code 3 before it was ready .*\n {2}\[stderr\] no engine here/s,
      )
      expect(readdirSync(ownTmpdir)).toEqual([])
    } finally {
      if (savedTmpdir === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = savedTmpdir
      rmSync(ownTmpdir, { recursive: true, force: true })
    }
  })
})
