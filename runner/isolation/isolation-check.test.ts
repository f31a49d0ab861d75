import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { isGroupAlive, isProcessAlive, signalGroup, waitUntil } from '../../drivers/core/process-group.ts'

const repo = fileURLToPath(new URL('../../', import.meta.url))
const fixtureConfig = 'runner/isolation/fixtures/parlance.config.ts'
const started: { pid: number; stateDir: string }[] = []

interface Checked {
  code: number | null
  stdout: string
  stateDir: string
  /** Each scenario's call of the engine: the run id, its process, and the addresses it was given. */
  calls: () => { runId: string; pid: number; url: string; betsUrl: string }[]
  /** Each scenario's call of the store or the relay: the run id, its process, the variable it read and its value. */
  relayCalls: () => { runId: string; pid: number; variable: string; url: string }[]
}

/** Starts the check on the fixture project in its own process group, as a terminal would; `interrupt` is Ctrl-C. */
function startCheck(args: string[]): { pid: number; stateDir: string; output: () => string; done: Promise<Checked> } {
  const stateDir = mkdtempSync(join(tmpdir(), 'parlance-isolation-test-'))
  const env = { ...process.env, FIXTURE_STATE_DIR: stateDir, NO_COLOR: '1', FORCE_COLOR: '0' }
  const argv = [
    '--import',
    './runner/register.mjs',
    'runner/isolation/isolation-check.ts',
    '--config',
    fixtureConfig,
    '--reports',
    join(stateDir, 'reports'),
    ...args,
  ]
  const child = spawn(process.execPath, argv, { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  started.push({ pid: child.pid!, stateDir })
  let stdout = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  const log = (name: string): string[][] => {
    const file = join(stateDir, name)
    return existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => line.split(' '))
      : []
  }
  const calls = (): ReturnType<Checked['calls']> =>
    log('steps.log').map(([runId = '', pid = '', url = '', betsUrl = '']) => ({
      runId,
      pid: Number(pid),
      url,
      betsUrl,
    }))
  const relayCalls = (): ReturnType<Checked['relayCalls']> =>
    log('relay.log').map(([runId = '', pid = '', variable = '', url = '']) => ({
      runId,
      pid: Number(pid),
      variable,
      url,
    }))
  const done = new Promise<Checked>((resolve) =>
    child.once('close', (code) => resolve({ code, stdout, stateDir, calls, relayCalls })),
  )
  return { pid: child.pid!, stateDir, output: () => stdout, done }
}

/** The pids of the systems the check started, from its `NAME: started at … (pid N, …)` lines. */
function systemPids(stdout: string): number[] {
  return [...stdout.matchAll(/^isolation: [\w-]+: started at \S+ \(pid (\d+), /gm)].map((match) => Number(match[1]))
}

/** The engine's {tempDir}, read from its command line while it runs. */
function engineDataDir(pid: number): string {
  const args = execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' })
  return /--data-dir (\S+)/.exec(args)?.[1] ?? `no --data-dir in ${args}`
}

function isolationLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => line.startsWith('isolation: ') || line.startsWith('  run '))
}

/**
 * A line of the check's output with what depends on the machine masked: addresses, pids, the reports folder, and
 * times. A time in a sentence (`passed (12.3 s)`) becomes `X.X s`. The run-times table right-aligns each run's time
 * in a column of 8 characters, so `     X.X s` stands for `   3.2 s` and `  12.3 s` alike, and a time that does not
 * fill its 8 characters exactly is left as it is, for the comparison to show.
 */
function maskedLine(line: string): string {
  return line
    .replace(
      /^( {2}run \d+ of \d+ {2}(?:passed|FAILED) {2})( *\d+\.\d s)(?= {2})/,
      (row, head: string, time: string) => (time.length === 8 ? `${head}   X.X s` : row),
    )
    .replace(/\b\d+\.\d s\b/g, 'X.X s')
    .replace(/127\.0\.0\.1:\d+/g, 'HOST')
    .replace(/\(pid \d+, /, '(pid N, ')
    .replace(/reports in \S+/, 'reports in REPORTS')
}

afterEach(() => {
  for (const { pid, stateDir } of started.splice(0)) {
    if (isGroupAlive(pid)) signalGroup(pid, 'SIGKILL')
    rmSync(stateDir, { recursive: true, force: true })
  }
})

describe('npm run acceptance:isolation', () => {
  it('with --domain all, runs each domain with systems three times against systems of its own, then stops them', {
    timeout: 90_000,
  }, async () => {
    const { code, stdout, calls, relayCalls } = await startCheck([
      '--domain',
      'all',
      '--tags',
      'not @literal and not @slow',
    ]).done
    expect(code, stdout).toBe(0)
    const lines = isolationLines(stdout).map(maskedLine)
    expect(lines.filter((line) => !line.includes('node runner/bin/parlance.mjs run'))).toEqual([
      'isolation: the settlement suite (features/**/*.feature) on api, 3 runs against one settlement, with no ' +
        'reset between them',
      'isolation: settlement: started at http://HOST (pid N, X.X s)',
      'isolation: run 1 of 3 — what npm run acceptance does for the settlement suite, except that this check ' +
        'started settlement',
      'isolation: run 1 of 3 passed (X.X s)',
      'isolation: run 2 of 3 — the same suite again, against the same settlement, with no reset',
      'isolation: run 2 of 3 passed (X.X s)',
      'isolation: run 3 of 3 — the same suite again, against the same settlement, with no reset',
      'isolation: run 3 of 3 passed (X.X s)',
      'isolation: run times (up to 2 workers per channel)',
      '  run 1 of 3  passed     X.X s  scenarios: 2 passed, 0 failed  (= npm run acceptance; systems started ' +
        'by this check)',
      '  run 2 of 3  passed     X.X s  scenarios: 2 passed, 0 failed  (same systems, no reset)',
      '  run 3 of 3  passed     X.X s  scenarios: 2 passed, 0 failed  (same systems, no reset)',
      'isolation: settlement stopped; reports in REPORTS',
      'isolation: 3 runs against one settlement passed',
      'isolation: the relay suite (relay/**/*.feature) on http, 3 runs against one store and relay, with no ' +
        'reset between them',
      'isolation: store: started at http://HOST (pid N, X.X s)',
      'isolation: relay: started at http://HOST (pid N, X.X s)',
      'isolation: run 1 of 3 — what npm run acceptance does for the relay suite, except that this check ' +
        'started store and relay',
      'isolation: run 1 of 3 passed (X.X s)',
      'isolation: run 2 of 3 — the same suite again, against the same store and relay, with no reset',
      'isolation: run 2 of 3 passed (X.X s)',
      'isolation: run 3 of 3 — the same suite again, against the same store and relay, with no reset',
      'isolation: run 3 of 3 passed (X.X s)',
      'isolation: run times (up to 2 workers per channel)',
      '  run 1 of 3  passed     X.X s  scenarios: 2 passed, 0 failed  (= npm run acceptance; systems started ' +
        'by this check)',
      '  run 2 of 3  passed     X.X s  scenarios: 2 passed, 0 failed  (same systems, no reset)',
      '  run 3 of 3  passed     X.X s  scenarios: 2 passed, 0 failed  (same systems, no reset)',
      'isolation: store and relay stopped; reports in REPORTS',
      'isolation: 3 runs against one store and relay passed',
      'isolation: all 2 domains passed: settlement, relay',
    ])
    const commands = lines.filter((line) => line.includes('node runner/bin/parlance.mjs run'))
    expect(commands.map((line) => line.replace(/--reports \S+\/run-(\d)/, '--reports REPORTS/run-$1'))).toEqual([
      ...[1, 2, 3].map(
        (n) =>
          `isolation: SETTLEMENT_URL=http://HOST FIXTURE_BETS_URL=http://HOST/bets node ` +
          `runner/bin/parlance.mjs run --config ${fixtureConfig} --domain settlement --parallel 2 --env remote ` +
          `--reports REPORTS/run-${n} --tags 'not @literal and not @slow'`,
      ),
      ...[1, 2, 3].map(
        (n) =>
          `isolation: STORE_URL=http://HOST RELAY_URL=http://HOST RELAY_ADMIN_URL=http://HOST/admin node ` +
          `runner/bin/parlance.mjs run --config ${fixtureConfig} --domain relay --parallel 2 --env remote ` +
          `--reports REPORTS/run-${n} --tags 'not @literal and not @slow'`,
      ),
    ])
    // Every scenario of every run reached the one engine, or the one store and relay, under three different run ids.
    const seen = calls()
    expect([new Set(seen.map((call) => call.url)).size, new Set(seen.map((call) => call.runId)).size]).toEqual([1, 3])
    expect(seen.every((call) => call.betsUrl === `${call.url}/bets`)).toBe(true)
    const relayed = relayCalls()
    expect([...new Set(relayed.map((call) => `${call.variable} ${call.url.replace(/:\d+/, ':PORT')}`))].sort()).toEqual(
      [
        'RELAY_ADMIN_URL http://127.0.0.1:PORT/admin',
        'RELAY_URL http://127.0.0.1:PORT',
        'STORE_URL http://127.0.0.1:PORT',
      ],
    )
    expect([new Set(relayed.map((call) => call.url)).size, new Set(relayed.map((call) => call.runId)).size]).toEqual([
      3, 3,
    ])
    const processes = [...systemPids(stdout), ...seen.map((call) => call.pid), ...relayed.map((call) => call.pid)]
    expect([systemPids(stdout).length, processes.filter(isProcessAlive)]).toEqual([3, []])
  })

  it('fails from the second run on when a scenario does not alias its data', { timeout: 60_000 }, async () => {
    const { code, stdout } = await startCheck(['--tags', '@literal', '--parallel', '1']).done
    expect(code, stdout).toBe(1)
    expect(isolationLines(stdout).at(-1)).toBe(
      'isolation: FAILED — run 2 of 3 exited with code 1 (scenarios: 0 passed, 1 failed); run 3 of 3 exited ' +
        'with code 1 (scenarios: 0 passed, 1 failed)',
    )
    expect(stdout).toContain('the engine refused the race 3:10 at Ascot: 409')
    expect(systemPids(stdout).filter(isProcessAlive)).toEqual([])
  })

  it('on Ctrl-C stops the run and the systems, leaving no process and no {tempDir}', { timeout: 60_000 }, async () => {
    const check = startCheck(['--tags', '@slow'])
    const waiting = (): number[] =>
      readdirSync(check.stateDir)
        .filter((file) => file.startsWith('waiting-'))
        .map((file) => Number(file.slice('waiting-'.length)))
    expect(await waitUntil(() => waiting().length > 0, 30_000)).toBe(true)
    const [engine = 0] = systemPids(check.output())
    const dataDir = engineDataDir(engine)
    expect(existsSync(dataDir)).toBe(true)
    signalGroup(check.pid, 'SIGINT')
    const { code, stdout } = await check.done
    expect(code, stdout).toBe(130)
    expect(isolationLines(stdout).at(-1)).toBe(
      'isolation: interrupted by SIGINT during run 1 of 3 of the settlement suite; the runner and settlement ' +
        'were stopped',
    )
    const leftovers = [engine, ...waiting()].filter(isProcessAlive)
    expect([leftovers, existsSync(dataDir)]).toEqual([[], false])
  })

  it('says so when the config has no such domain, before starting anything', { timeout: 30_000 }, async () => {
    const { code, stdout } = await startCheck(['--domain', 'relay', '--domain', 'setlement']).done
    expect(code).toBe(2)
    expect(stdout.trim()).toBe(
      `isolation: FAILED — ${fixtureConfig} has no "setlement" domain — did you mean "settlement"? Domains: ` +
        `settlement, other, relay. ` +
        "The isolation check runs one domain's suite; name another with --domain NAME, or check them all with " +
        '--domain all.',
    )
  })
})
