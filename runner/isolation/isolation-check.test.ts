import { spawn } from 'node:child_process'
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
}

/** Starts the check on the fixture project in its own process group, as a terminal would; `interrupt` is Ctrl-C. */
function startCheck(args: string[]): { pid: number; stateDir: string; done: Promise<Checked> } {
  const stateDir = mkdtempSync(join(tmpdir(), 'parlance-isolation-test-'))
  const env = { ...process.env, FIXTURE_STATE_DIR: stateDir, NO_COLOR: '1', FORCE_COLOR: '0' }
  const argv = ['--import', './runner/register.mjs', 'runner/isolation-check.ts', '--config', fixtureConfig, '--reports', join(stateDir, 'reports'), ...args]
  const child = spawn(process.execPath, argv, { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  started.push({ pid: child.pid!, stateDir })
  let stdout = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  const calls = (): ReturnType<Checked['calls']> => {
    const file = join(stateDir, 'steps.log')
    if (!existsSync(file)) return []
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => {
      const [runId = '', pid = '', url = '', betsUrl = ''] = line.split(' ')
      return { runId, pid: Number(pid), url, betsUrl }
    })
  }
  const done = new Promise<Checked>((resolve) => child.once('close', (code) => resolve({ code, stdout, stateDir, calls })))
  return { pid: child.pid!, stateDir, done }
}

function enginePid(stdout: string): number {
  return Number(/settlement engine started at \S+ \(pid (\d+), data directory (\S+)\)/.exec(stdout)?.[1])
}

function engineDir(stdout: string): string {
  return /data directory (\S+)\)/.exec(stdout)?.[1] ?? 'no data directory printed'
}

function isolationLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => line.startsWith('isolation: ') || line.startsWith('  run '))
}

afterEach(() => {
  for (const { pid, stateDir } of started.splice(0)) {
    if (isGroupAlive(pid)) signalGroup(pid, 'SIGKILL')
    rmSync(stateDir, { recursive: true, force: true })
  }
})

describe('npm run acceptance:isolation', () => {
  it('runs only the chosen domain three times against one engine, then stops it', { timeout: 60_000 }, async () => {
    const { code, stdout, calls } = await startCheck(['--tags', 'not @literal and not @slow']).done
    expect(code, stdout).toBe(0)
    const engine = enginePid(stdout)
    const lines = isolationLines(stdout).map((line) => line.replace(/\d+\.\d s/g, 'X.X s').replace(/127\.0\.0\.1:\d+/g, 'ENGINE').replace(/\(pid \d+, data directory \S+\)/, '(pid N, data directory DIR)'))
    expect(lines.filter((line) => !line.includes('node runner/bin/parlance.mjs run')).map((line) => line.replace(/reports in \S+/, 'reports in REPORTS'))).toEqual([
      'isolation: the settlement suite (features/**/*.feature) on api, 3 runs against one settlement engine, with no reset between them',
      'isolation: settlement engine started at http://ENGINE (pid N, data directory DIR)',
      'isolation: run 1 of 3 — what npm run acceptance does for the settlement suite, except that this check started the engine',
      'isolation: run 1 of 3 passed (X.X s)',
      'isolation: run 2 of 3 — the same suite again, against the same engine, with no reset',
      'isolation: run 2 of 3 passed (X.X s)',
      'isolation: run 3 of 3 — the same suite again, against the same engine, with no reset',
      'isolation: run 3 of 3 passed (X.X s)',
      'isolation: run times (2 workers per channel)',
      '  run 1 of 3  passed     X.X s  scenarios: 2 passed, 0 failed  (= npm run acceptance; engine started by this check)',
      '  run 2 of 3  passed     X.X s  scenarios: 2 passed, 0 failed  (same engine, no reset)',
      '  run 3 of 3  passed     X.X s  scenarios: 2 passed, 0 failed  (same engine, no reset)',
      'isolation: settlement engine stopped; reports in REPORTS',
      'isolation: 3 runs against one engine passed',
    ])
    expect(lines.find((line) => line.includes('parlance.mjs run'))).toMatch(
      /^isolation: SETTLEMENT_URL=http:\/\/ENGINE FIXTURE_BETS_URL=http:\/\/ENGINE\/bets node runner\/bin\/parlance\.mjs run --config runner\/isolation\/fixtures\/parlance\.config\.ts --channels api --parallel 2 --env remote --reports \S+\/run-1 --tags 'not @literal and not @slow'$/,
    )
    // Every scenario of every run reached the one engine, under three different run ids.
    const seen = calls()
    expect(new Set(seen.map((call) => call.url)).size).toBe(1)
    expect(seen.every((call) => call.betsUrl === `${call.url}/bets`)).toBe(true)
    expect(new Set(seen.map((call) => call.runId)).size).toBe(3)
    expect([isProcessAlive(engine), existsSync(engineDir(stdout)), seen.map((call) => call.pid).filter(isProcessAlive)]).toEqual([false, false, []])
  })

  it('fails from the second run on when a scenario does not alias its data', { timeout: 60_000 }, async () => {
    const { code, stdout } = await startCheck(['--tags', '@literal', '--parallel', '1']).done
    expect(code, stdout).toBe(1)
    expect(isolationLines(stdout).at(-1)).toBe(
      'isolation: FAILED — run 2 of 3 exited with code 1 (scenarios: 0 passed, 1 failed); run 3 of 3 exited with code 1 (scenarios: 0 passed, 1 failed)',
    )
    expect(stdout).toContain('the engine refused the race 3:10 at Ascot: 409')
    expect(isProcessAlive(enginePid(stdout))).toBe(false)
  })

  it('on Ctrl-C stops the run and the engine, leaving no process and no data directory', { timeout: 60_000 }, async () => {
    const check = startCheck(['--tags', '@slow'])
    const waiting = (): number[] => readdirSync(check.stateDir).filter((file) => file.startsWith('waiting-')).map((file) => Number(file.slice('waiting-'.length)))
    expect(await waitUntil(() => waiting().length > 0, 30_000)).toBe(true)
    signalGroup(check.pid, 'SIGINT')
    const { code, stdout } = await check.done
    expect(code, stdout).toBe(130)
    expect(isolationLines(stdout).at(-1)).toBe('isolation: interrupted by SIGINT during run 1 of 3; the runner and the engine were stopped')
    const leftovers = [enginePid(stdout), ...waiting()].filter(isProcessAlive)
    expect([leftovers, existsSync(engineDir(stdout))]).toEqual([[], false])
  })

  it('says so when the config has no such domain, before starting anything', { timeout: 30_000 }, async () => {
    const { code, stdout } = await startCheck(['--domain', 'setlement']).done
    expect(code).toBe(2)
    expect(stdout.trim()).toBe(
      `isolation: FAILED — ${fixtureConfig} has no "setlement" domain — did you mean "settlement"? Domains: settlement, other. The isolation check runs one domain's suite; name another with --domain NAME.`,
    )
  })
})
