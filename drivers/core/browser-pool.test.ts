import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeBrowser, openBrowserSession, sharedBrowser } from './browser-pool.ts'
import { SystemCompromisedError } from './errors/system-compromised-error.ts'
import { fakeDriverContext } from './test-fixtures/fake-driver-context.ts'
import { closeWorkerResources } from './worker-resources.ts'
import { createHttpTestServer, type HttpTestServer } from './test-fixtures/http-test-server.ts'

const betSlip = `<!doctype html><title>Bet slip</title>
<p id="status">No bet yet</p>
<button onclick="document.getElementById('status').textContent = 'Bet placed'">Place bet</button>`

let server: HttpTestServer

beforeEach(async () => {
  server = await createHttpTestServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(betSlip))
})
afterEach(async () => {
  await server.close()
})
afterAll(async () => {
  await closeBrowser()
})

describe('openBrowserSession', () => {
  it('opens a page per scenario; on failure attaches a screenshot, and always closes the context', async () => {
    const ctx = fakeDriverContext()
    const { page, context } = await openBrowserSession(ctx, { baseUrl: server.url })
    await page.goto('/slip')
    await page.getByRole('button', { name: 'Place bet' }).click()
    expect(await page.locator('#status').textContent()).toBe('Bet placed')
    let contextClosed = false
    context.on('close', () => (contextClosed = true))

    await ctx.endScenario({ failed: true })

    expect(ctx.attachments.map((a) => [a.mediaType, a.fileName])).toEqual([['image/png', 'screenshot.png']])
    expect((ctx.attachments[0]!.data as Buffer).subarray(1, 4).toString()).toBe('PNG')
    expect(contextClosed).toBe(true)
    expect(page.isClosed()).toBe(true)
  })

  it('shares one browser between scenarios, attaches nothing when they pass, and closes with the worker', async () => {
    const first = fakeDriverContext()
    const second = fakeDriverContext()
    await openBrowserSession(first)
    await openBrowserSession(second)
    const browser = await sharedBrowser()
    expect(browser.contexts()).toHaveLength(2)
    await first.endScenario({ failed: false })
    await second.endScenario({ failed: false })
    expect(browser.contexts()).toHaveLength(0)
    expect([...first.attachments, ...second.attachments]).toEqual([])
    await closeWorkerResources()
    expect(browser.isConnected()).toBe(false)
  })

  it('says which Chromium did not start, and launches afresh for the next scenario', async () => {
    await closeBrowser()
    process.env.PARLANCE_CHROMIUM = '/bin/false'
    try {
      const error = await openBrowserSession(fakeDriverContext()).catch((e: unknown) => e as Error)
      expect(error).toBeInstanceOf(SystemCompromisedError)
      expect((error as Error).message).toMatch(
        new RegExp(
          String.raw`^Chromium at /bin/false did not start: .+\. ` +
            String.raw`Run it by hand with --headless to see why, or set PARLANCE_CHROMIUM to another binary\.$`,
        ),
      )
    } finally {
      delete process.env.PARLANCE_CHROMIUM
    }
    const ctx = fakeDriverContext()
    const { page } = await openBrowserSession(ctx)
    expect(page.isClosed()).toBe(false)
    await ctx.endScenario({ failed: false })
  })
})
