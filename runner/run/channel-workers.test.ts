import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, test } from 'vitest'
import { loadSupportCode, runChannel } from './channel-run.ts'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

// A project whose one step writes the id of the process that ran it.
function project(scenarios: number): string {
  const root = mkdtempSync(join(tmpdir(), 'parlance-channel-workers-'))
  dirs.push(root)
  mkdirSync(join(root, 'features'))
  mkdirSync(join(root, 'support'))
  writeFileSync(join(root, 'package.json'), '{"type":"module"}\n')
  symlinkSync(fileURLToPath(new URL('../../node_modules', import.meta.url)), join(root, 'node_modules'))
  const lines = ['Feature: Pids', '']
  for (let n = 1; n <= scenarios; n++) lines.push(`  Scenario: Pid ${n}`, '    Given the process writes its id', '')
  writeFileSync(join(root, 'features', 'pids.feature'), lines.join('\n'))
  writeFileSync(
    join(root, 'support', 'steps.mjs'),
    "import { appendFileSync } from 'node:fs'\nimport { Given } from '@cucumber/cucumber'\n" +
      "Given('the process writes its id', () => appendFileSync(process.env.PIDS_FILE, process.pid + '\\n'))\n",
  )
  return root
}

async function pidsOfRun(root: string): Promise<string[]> {
  const env = { ...process.env, PIDS_FILE: join(root, 'pids.txt') }
  const library = await loadSupportCode({ root, support: ['support/steps.mjs'], features: ['features'], env })
  const run = await runChannel(
    { id: 'pids/api', domain: 'pids', channel: 'api', domainChannels: ['api'], features: ['features'], tags: '' },
    {
      root,
      library,
      settings: { channel: 'api', workers: 2, stepTimeoutMs: 30_000, browser: false },
      reportsDir: join(root, 'reports'),
      env,
    },
  )
  expect(run.scenarios.map((scenario) => scenario.status)).toEqual(run.scenarios.map(() => 'passed'))
  return readFileSync(join(root, 'pids.txt'), 'utf8').trim().split('\n')
}

describe('runChannel with two workers', () => {
  test('runs a channel of one scenario in this process: a worker would only add its start-up', async () => {
    expect(await pidsOfRun(project(1))).toEqual([String(process.pid)])
  }, 60_000)

  test('forks the workers for two scenarios or more', async () => {
    const pids = await pidsOfRun(project(2))
    expect(pids).toHaveLength(2)
    expect(pids).not.toContain(String(process.pid))
  }, 60_000)
})
