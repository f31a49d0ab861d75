import { spawn, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { fixture, ParlanceCli } from '../test/run-cli.ts'

// Each command run twice through real pipes: read to the end, and with its stdout closed early, as `| head` closes
// it. The reader of the early close either closes the pipe before the command writes anything (every write then
// fails with EPIPE) or after the first chunk it reads (`| head -1`; deterministic only when the command writes far
// more than a pipe holds, 64 KiB).
const bin = fileURLToPath(new URL('../bin/parlance.mjs', import.meta.url))
const repo = fileURLToPath(new URL('../../', import.meta.url))
const cucumber = join(repo, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js')

type Close = 'at once' | 'after the first chunk' | 'never' | 'both at once'
interface Ended {
  code: number | null
  signal: NodeJS.Signals | null
  stderr: string
  stdoutBytes: number
}

function parlance(args: string[], cwd: string, close: Close): Promise<Ended> {
  const env: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' }
  const child = spawn(process.execPath, [bin, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  let stdoutBytes = 0
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  child.stdout.on('data', (chunk: Buffer) => {
    stdoutBytes += chunk.length
    if (close === 'after the first chunk') child.stdout.destroy()
  })
  if (close === 'at once' || close === 'both at once') child.stdout.destroy()
  if (close === 'both at once') child.stderr.destroy()
  const timer = setTimeout(() => child.kill('SIGKILL'), 50_000)
  return new Promise((resolve) =>
    child.once('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, stderr, stdoutBytes })
    }),
  )
}

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parlance-closed-output-'))
  // 2,000 scenarios of a story-less feature whose steps say how and have no step definitions: lint and the gate
  // write several hundred KiB about them.
  const scenarios = Array.from(
    { length: 2_000 },
    (_, i) => `  Scenario: Buying item ${i}\n    When Alice clicks the "Buy" button on item ${i}\n`,
  )
  mkdirSync(join(dir, 'features'))
  writeFileSync(join(dir, 'features', 'buying.feature'), `Feature: Buying\n\n${scenarios.join('\n')}`)
  cpSync(join(repo, 'runner/gate/fixtures/green'), join(dir, 'shard-1-of-1'), { recursive: true })
  spawnSync(process.execPath, [cucumber, 'features', '--format', 'message:big.ndjson'], {
    cwd: dir,
    timeout: 60_000,
  })
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('a command whose output is closed early ends quietly, with the exit code it ends with when read', () => {
  const cases: [string, string[], Close][] = [
    ['parlance --help', ['--help'], 'at once'],
    ['parlance help', ['help'], 'at once'],
    ['parlance run --help', ['run', '--help'], 'at once'],
    ['parlance gate --help', ['gate', '--help'], 'at once'],
    ['parlance lint --help', ['lint', '--help'], 'at once'],
    ['parlance merge --help', ['merge', '--help'], 'at once'],
    ['parlance init --help', ['init', '--help'], 'at once'],
    ['parlance new --help', ['new', '--help'], 'at once'],
    ['parlance gate (red)', ['gate', 'big.ndjson'], 'at once'],
    ['parlance gate | head -1 (red)', ['gate', 'big.ndjson'], 'after the first chunk'],
    ['parlance gate (green)', ['gate', join(repo, 'runner/gate/fixtures/green')], 'at once'],
    ['parlance lint', ['lint', 'features'], 'at once'],
    ['parlance merge', ['merge', 'shard-1-of-1', '--out', 'merged'], 'at once'],
    ['parlance lint | head -1', ['lint', 'features'], 'after the first chunk'],
    ['parlance lint --format json | head -1', ['lint', 'features', '--format', 'json'], 'after the first chunk'],
  ]
  test.each(cases)('%s', { timeout: 120_000 }, async (_name, args, close) => {
    const read = await parlance(args, dir, 'never')
    const closed = await parlance(args, dir, close)
    expect(read.stderr).toBe('')
    expect(closed).toEqual({ code: read.code, signal: null, stderr: '', stdoutBytes: closed.stdoutBytes })
    if (close === 'after the first chunk') expect(closed.stdoutBytes).toBeLessThan(read.stdoutBytes)
  })

  test('parlance init and new: the files are all written; exit 0', { timeout: 120_000 }, async () => {
    const project = join(dir, 'project')
    expect(await parlance(['init', project], dir, 'at once')).toEqual({
      code: 0,
      signal: null,
      stderr: '',
      stdoutBytes: 0,
    })
    expect(readdirSync(project)).toContain('parlance.config.ts')
    // What npm install would do for its file: dependency on this copy of Parlance.
    mkdirSync(join(project, 'node_modules'))
    symlinkSync(repo, join(project, 'node_modules', 'parlance'))
    expect(await parlance(['new', 'domain', 'billing'], project, 'at once')).toEqual({
      code: 0,
      signal: null,
      stderr: '',
      stdoutBytes: 0,
    })
    expect(readdirSync(join(project, 'specs'))).toContain('billing')
  })

  test('an error still reaches stderr when stdout is closed', { timeout: 60_000 }, async () => {
    const closed = await parlance(['rnu'], dir, 'at once')
    expect(closed).toEqual({
      code: 2,
      signal: null,
      stderr:
        'parlance: unknown command "rnu" — did you mean "run"? Commands: run, gate, merge, lint, init, new. Run ' +
        'parlance --help for more.\n',
      stdoutBytes: 0,
    })
  })
})

test('an error written to a closed stderr too (2>&1 | head) keeps its exit code', { timeout: 60_000 }, async () => {
  expect(await parlance(['rnu'], dir, 'both at once')).toEqual({ code: 2, signal: null, stderr: '', stdoutBytes: 0 })
  expect(await parlance(['gate', 'big.ndjson'], dir, 'both at once')).toEqual({
    code: 1,
    signal: null,
    stderr: '',
    stdoutBytes: 0,
  })
})

describe('parlance run | head -1', () => {
  let cli: ParlanceCli | undefined
  afterEach(() => {
    cli?.cleanup()
    cli = undefined
  })

  // 141 = 128 + SIGPIPE: what a shell reports for a writer a closed pipe ended.
  test('stops the run, its workers and its systems, quietly; exit 141', { timeout: 90_000 }, async () => {
    const run = new ParlanceCli(fixture('shop'))
    cli = run
    const { child, done } = run.start(['run', '--tags', 'not @broken and not @slow', '--reports', run.reportsDir])
    child.stdout!.once('data', () => child.stdout!.destroy())
    const { code, signal, stderr } = await done
    expect({ code, signal, stderr }).toEqual({ code: 141, signal: null, stderr: '' })
    expect(run.systemPids()).toHaveLength(1)
    expect(await run.leftovers()).toEqual([])
  })

  test('closed before its first line: stops before it starts any system; exit 141', { timeout: 90_000 }, async () => {
    const run = new ParlanceCli(fixture('shop'))
    cli = run
    const { child, done } = run.start(['run', '--tags', 'not @broken and not @slow', '--reports', run.reportsDir])
    child.stdout!.destroy()
    const { code, signal, stderr } = await done
    expect({ code, signal, stderr }).toEqual({ code: 141, signal: null, stderr: '' })
    expect(run.systemPids()).toEqual([])
    expect(await run.leftovers()).toEqual([])
  })
})
