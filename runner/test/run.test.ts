import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { fixture, ParlanceCli, summaryOf, type CliResult } from './run-cli.ts'

let cli: ParlanceCli | undefined
afterEach(() => {
  cli?.cleanup()
  cli = undefined
})

const passing = ['--tags', 'not @broken and not @slow']

// These three tests read one passing run: the same command three times cost two more runs of the CLI, its system and
// both channels' cucumber, and showed nothing the first did not.
describe('parlance run, when every scenario passes', { timeout: 60_000 }, () => {
  let passed: ParlanceCli
  let result: CliResult
  beforeAll(async () => {
    passed = new ParlanceCli(fixture('shop'))
    result = await passed.run(['run', ...passing, '--reports', passed.reportsDir])
  }, 60_000)
  afterAll(() => passed.cleanup())

  test('runs every scenario on each of its channels and exits 0 when all pass', () => {
    const { code, stdout, stderr } = result
    expect(summaryOf(stdout)).toEqual([
      'Scenario                        api      ui',
      'Checkout',
      '  Adding an item to the basket  passed   passed',
      '  Listing the catalogue         passed   —',
      '  Gift wrapping                 passed   n/a',
      '',
      'Not applicable',
      '  ○ Checkout › Gift wrapping · ui: giftWrap is not applicable: the shop pages have no gift wrapping option',
      '',
      'Time      shop/api X.X s · shop/ui X.X s',
      'Result    passed: 1 n/a, 4 passed, 1 not run',
    ])
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })

  test('hands every channel its name, one run id and the system address it started', async () => {
    const { stdout } = result
    const runId = /^parlance run (\w+)/m.exec(stdout)?.[1]
    const address = /shop: started at (\S+)/.exec(stdout)?.[1]
    const calls = passed.stepCalls()
    expect(new Set(calls.map((call) => call.channel))).toEqual(new Set(['api', 'ui']))
    expect(new Set(calls.map((call) => call.runId))).toEqual(new Set([runId]))
    expect(new Set(calls.map((call) => call.url))).toEqual(new Set([address]))
    expect(passed.systemPids()).toHaveLength(1)
    expect(await passed.leftovers()).toEqual([])
  })

  test('writes cucumber messages, HTML and JUnit reports per channel', () => {
    for (const channel of ['api', 'ui']) {
      const dir = join(passed.reportsDir, 'shop', channel)
      const messages = readFileSync(join(dir, 'messages.ndjson'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>)
      expect(messages.some((message) => 'testRunFinished' in message)).toBe(true)
      expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toContain(`name="parlance shop ${channel}"`)
      expect(existsSync(join(dir, 'report.html'))).toBe(true)
    }
    const uiPickles = readFileSync(join(passed.reportsDir, 'shop', 'ui', 'messages.ndjson'), 'utf8')
      .split('\n')
      .filter((line) => line.includes('"testCase"'))
    expect(uiPickles).toHaveLength(2) // 'Listing the catalogue' is @channel:api: not even planned on ui
  })
})

describe('parlance run', { timeout: 60_000 }, () => {
  test('exits 1 when a scenario fails, and shows its de-aliased message under the table', async () => {
    cli = new ParlanceCli(fixture('shop'))
    const { code, stdout } = await cli.run(['run', '--tags', 'not @slow', '--reports', cli.reportsDir])
    expect(summaryOf(stdout)).toEqual([
      'Scenario                        api      ui',
      'Checkout',
      '  Adding an item to the basket  passed   passed',
      '  Listing the catalogue         passed   —',
      '  Gift wrapping                 passed   n/a',
      '  Counting the basket wrongly   FAILED   FAILED',
      '',
      'Failures',
      '  ✗ Checkout › Counting the basket wrongly · api · assertion failed  features/checkout.feature:18',
      "      Then Alice's basket holds 2 items",
      "      Alice's basket holds 1 item(s): kettle; expected 2",
      '  ✗ Checkout › Counting the basket wrongly · ui · assertion failed  features/checkout.feature:18',
      "      Then Alice's basket holds 2 items",
      "      Alice's basket holds 1 item(s): kettle; expected 2",
      '',
      'Not applicable',
      '  ○ Checkout › Gift wrapping · ui: giftWrap is not applicable: the shop pages have no gift wrapping option',
      '',
      'Time      shop/api X.X s · shop/ui X.X s',
      'Result    FAILED: 2 assertion failed, 1 n/a, 4 passed, 1 not run',
    ])
    expect(code).toBe(1)
    expect(await cli.leftovers()).toEqual([])
  })

  test('starts the system once for two channels with --parallel 2, and runs steps in worker processes', async () => {
    cli = new ParlanceCli(fixture('shop'))
    const { child, done } = cli.start(['run', ...passing, '--parallel', '2', '--reports', cli.reportsDir])
    const { code, stdout } = await done
    expect(stdout).toContain('channels shop/api, shop/ui · up to 2 workers per channel')
    expect(code).toBe(0)
    expect(cli.systemPids()).toHaveLength(1)
    const workers = [...new Set(cli.stepCalls().map((call) => call.pid))]
    expect(workers.length).toBeGreaterThanOrEqual(2) // at least one per channel
    expect(workers).not.toContain(child.pid)
    expect(await cli.leftovers()).toEqual([])
  })

  test('starts nothing when the address variables are set, and tests what they point at', async () => {
    cli = new ParlanceCli(fixture('shop'))
    const shop = spawn(process.execPath, ['system/server.mjs', '--port', '0'], {
      cwd: fixture('shop'),
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    try {
      let address = ''
      shop.stdout
        .setEncoding('utf8')
        .on('data', (chunk: string) => (address ||= /listening on (\S+)/.exec(chunk)?.[1] ?? ''))
      await cli.waitFor(() => address !== '', 10_000)
      for (const env of [[], ['--env', 'remote']]) {
        const { code, stdout } = await cli.run(['run', ...passing, ...env, '--reports', cli.reportsDir], {
          env: { SHOP_URL: address },
        })
        expect(stdout).toContain(`shop: not started, SHOP_URL=${address}`)
        expect(code).toBe(0)
      }
      expect(cli.systemPids()).toEqual([])
      expect(new Set(cli.stepCalls().map((call) => call.url))).toEqual(new Set([address]))
    } finally {
      shop.kill()
      await once(shop, 'exit')
    }
  })
})
