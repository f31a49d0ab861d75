import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, test } from 'vitest'
import {
  launchOptionsQuery,
  startPlaywrightServer,
  type PlaywrightServer,
} from '../../drivers/core/test-fixtures/playwright-server.ts'
import { ParlanceCli, summaryOf } from './run-cli.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))

// The whole stack through a browser server: the runner, its cucumber workers (each connects once), the settlement
// engine it starts on this machine's loopback, and the pages the server's Chromium loads from it.
describe('parlance run with PARLANCE_BROWSER_WS_ENDPOINT', { timeout: 90_000 }, () => {
  let server: PlaywrightServer | undefined
  let cli: ParlanceCli | undefined
  afterAll(async () => {
    cli?.cleanup()
    await server?.stop()
  })

  test("runs the settlement ui channel in the browser server's Chromium, with no local one", async () => {
    server = await startPlaywrightServer()
    cli = new ParlanceCli(root)
    const endpoint = server.wsEndpoint + launchOptionsQuery(process.env.PARLANCE_CHROMIUM!)
    const args = ['run', '--domain', 'settlement', '--channels', 'ui', '--tags', '@story:SET-1', '--parallel', '2']

    const result = await cli.run([...args, '--reports', cli.reportsDir], {
      // A Chromium launched here would be a configuration error: only the server's can pass.
      env: { PARLANCE_BROWSER_WS_ENDPOINT: endpoint, PARLANCE_CHROMIUM: '/nonexistent/chromium' },
      timeoutMs: 80_000,
    })

    expect(result.stdout).toContain(
      `\n  browser: remote, PARLANCE_BROWSER_WS_ENDPOINT=${endpoint} (Playwright's connect)\n`,
    )
    expect(summaryOf(result.stdout).at(-1)).toMatch(/^Result {4}passed: \d+ passed$/)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(await cli.leftovers()).toEqual([])
  })
})
