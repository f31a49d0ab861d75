import { readdirSync, readFileSync, readlinkSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { closeBrowser, openBrowserSession, sharedBrowser } from './browser-pool.ts'
import { SystemCompromisedError } from './errors/system-compromised-error.ts'
import { findFreePort } from './free-port.ts'
import { fakeDriverContext } from './test-fixtures/fake-driver-context.ts'
import { createHttpTestServer, type HttpTestServer } from './test-fixtures/http-test-server.ts'
import { launchOptionsQuery, startPlaywrightServer, type PlaywrightServer } from './test-fixtures/playwright-server.ts'

const betSlip = `<!doctype html><title>Bet slip</title><p id="status">No bet yet</p>`

// The Chromium the vitest global setup found: the server launches it, this process must not.
const chromium = process.env.PARLANCE_CHROMIUM
let playwrightServer: PlaywrightServer | undefined
let site: HttpTestServer | undefined
// Whether each request's connection was opened by this process (the loopback tunnel) or by the browser's.
const tunnelled: boolean[] = []

beforeAll(async () => {
  site = await createHttpTestServer((req, res) => {
    tunnelled.push(openedByThisProcess(req.socket.remotePort!))
    res.writeHead(200, { 'content-type': 'text/html' }).end(betSlip)
  })
  playwrightServer = await startPlaywrightServer()
})
afterEach(async () => {
  await closeBrowser()
  delete process.env.PARLANCE_BROWSER_WS_ENDPOINT
  process.env.PARLANCE_CHROMIUM = chromium
})
afterAll(async () => {
  await playwrightServer?.stop()
  await site?.close()
})

describe('the browser pool with PARLANCE_BROWSER_WS_ENDPOINT', () => {
  it('connects to the remote browser instead of launching one, and reconnects after a disconnect', async () => {
    const server = playwrightServer!
    process.env.PARLANCE_BROWSER_WS_ENDPOINT = server.wsEndpoint + launchOptionsQuery(chromium!)
    // A local launch would fail: the page below can only come from the server's browser.
    process.env.PARLANCE_CHROMIUM = '/bin/false'

    const ctx = fakeDriverContext({}, 'ui')
    const { page } = await openBrowserSession(ctx, { baseUrl: site!.url.replace('127.0.0.1', 'localhost') })
    await page.goto('/slip')
    expect(await page.locator('#status').textContent()).toBe('No bet yet')
    expect(site!.received.map((request) => request.url)).toEqual(['/slip'])
    // The browser's request to localhost came back through this process (exposeNetwork), as from a remote host it must.
    expect(tunnelled).toEqual([true])
    await ctx.endScenario({ failed: false })

    // A browser whose connection dropped is replaced on the next use.
    const first = await sharedBrowser()
    await first.close()
    expect(first.isConnected()).toBe(false)
    const next = fakeDriverContext({}, 'ui')
    const session = await openBrowserSession(next, { baseUrl: site!.url })
    await session.page.goto('/again')
    expect(await session.page.title()).toBe('Bet slip')
    const second = await sharedBrowser()
    expect(second).not.toBe(first)
    await next.endScenario({ failed: false })

    // Closing the pool disconnects; the server, someone else's, keeps running.
    await closeBrowser()
    expect(second.isConnected()).toBe(false)
    expect(server.running()).toBe(true)
  })

  it('says which endpoint has no browser server, its credentials masked, and what to do', async () => {
    const port = await findFreePort()
    process.env.PARLANCE_BROWSER_WS_ENDPOINT = `ws://grid:s3cr3t-key@127.0.0.1:${port}/?token=abc123456`

    const error = await openBrowserSession(fakeDriverContext({}, 'ui')).catch((thrown: unknown) => thrown)

    expect(error).toBeInstanceOf(SystemCompromisedError)
    expect((error as Error).message).toBe(
      `No browser server at PARLANCE_BROWSER_WS_ENDPOINT=ws://****:****@127.0.0.1:${port}/?token=****: ` +
        `browserType.connect: WebSocket error: connect ECONNREFUSED 127.0.0.1:${port}. Start one there ` +
        '(npx playwright run-server --port 3000 --host 127.0.0.1), point PARLANCE_BROWSER_WS_ENDPOINT at a ' +
        'running one, or unset it to launch a local Chromium.',
    )
  })
})

// Linux: the TCP connection whose local port is `port` (the site's peer) belongs to one of this process's sockets.
function openedByThisProcess(port: number): boolean {
  const hexPort = `:${port.toString(16).toUpperCase().padStart(4, '0')}`
  const connection = readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .find((fields) => fields[1]?.endsWith(hexPort))
  const socket = `socket:[${connection?.[9]}]`
  return readdirSync('/proc/self/fd').some((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === socket
    } catch {
      return false
    }
  })
}
