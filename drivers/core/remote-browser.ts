import type { Browser } from 'playwright'
import { SystemCompromisedError } from './errors/system-compromised-error.ts'
import { maskSecrets } from './mask-secrets.ts'

/**
 * The environment variable naming a remote browser: a Playwright browser
 * server's WebSocket endpoint (`npx playwright run-server`, a grid that speaks
 * Playwright's protocol). Set, the browser pool connects there instead of
 * launching a local Chromium.
 *
 * @example
 *   process.env[browserWsEndpointEnvName] = 'ws://127.0.0.1:3000/'
 *   browserWsEndpointEnvName // 'PARLANCE_BROWSER_WS_ENDPOINT'
 */
export const browserWsEndpointEnvName = 'PARLANCE_BROWSER_WS_ENDPOINT'

/**
 * The remote browser's endpoint, if PARLANCE_BROWSER_WS_ENDPOINT is set (and not blank).
 *
 * @example
 *   remoteBrowserEndpoint({ PARLANCE_BROWSER_WS_ENDPOINT: 'ws://127.0.0.1:3000/' }) // 'ws://127.0.0.1:3000/'
 *   remoteBrowserEndpoint({}) // undefined
 */
export function remoteBrowserEndpoint(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const endpoint = env[browserWsEndpointEnvName]?.trim()
  return endpoint ? endpoint : undefined
}

/**
 * Connects to the browser server at `endpoint` with Playwright's `connect`.
 * The browser's requests to loopback addresses (`localhost`, `127.0.0.1`) are
 * tunnelled back through this process (`exposeNetwork: '<loopback>'`), so a
 * system under test listening on this machine's loopback is reachable from a
 * browser on another host. `browser.close()` then only disconnects: the
 * server closes the browser it launched for this connection, and nothing else.
 * No server there is a SystemCompromisedError naming the endpoint, its
 * credentials masked, and what to do.
 *
 * @example
 *   const browser = await connectRemoteBrowser('ws://127.0.0.1:3000/')
 *   const page = await browser.newPage()
 *   await browser.close() // disconnects
 */
export async function connectRemoteBrowser(endpoint: string, timeoutMs = 60_000): Promise<Browser> {
  // Imported on first use, so importing the drivers barrel does not load Playwright.
  const { chromium } = await import('playwright')
  try {
    return await chromium.connect(endpoint, { timeout: timeoutMs, exposeNetwork: '<loopback>' })
  } catch (error) {
    const reason = maskSecrets((error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '')
    throw new SystemCompromisedError(
      `No browser server at ${browserWsEndpointEnvName}=${maskSecrets(endpoint)}: ${reason}. Start one there ` +
        `(npx playwright run-server --port 3000 --host 127.0.0.1), point ${browserWsEndpointEnvName} at a running ` +
        'one, or unset it to launch a local Chromium.',
      { cause: error },
    )
  }
}
