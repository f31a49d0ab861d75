import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * A running `playwright run-server`: the protocol browser grids speak, on
 * 127.0.0.1 and a port of its own choosing.
 *
 * @example
 *   const server = await startPlaywrightServer()
 *   server.wsEndpoint // 'ws://127.0.0.1:41234/'
 *   await server.stop()
 */
export interface PlaywrightServer {
  /** The endpoint it printed, `ws://127.0.0.1:<port>/`. */
  readonly wsEndpoint: string
  /** Whether the server process is still running. */
  running(): boolean
  /** Stops it, closing the browsers it launched first, and waits until it has exited. */
  stop(): Promise<void>
}

/**
 * Starts `playwright run-server --port 0 --host 127.0.0.1 --unsafe` and waits
 * for its endpoint. `--unsafe` lets a client name the browser binary in the
 * endpoint's `launch-options` — Playwright's own browser downloads are not
 * installed here; see launchOptionsQuery.
 *
 * @example
 *   const server = await startPlaywrightServer()
 *   process.env.PARLANCE_BROWSER_WS_ENDPOINT = server.wsEndpoint + launchOptionsQuery('/usr/lib/chromium/chromium')
 */
export async function startPlaywrightServer(): Promise<PlaywrightServer> {
  const cli = join(dirname(createRequire(import.meta.url).resolve('playwright/package.json')), 'cli.js')
  const args = [cli, 'run-server', '--port', '0', '--host', '127.0.0.1', '--unsafe']
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const exited = once(child, 'exit')
  const stop = async (): Promise<void> => {
    // Once run-server has launched a browser, Playwright's SIGTERM handler closes the browsers and swallows the
    // signal; the next SIGTERM, with no browser left, ends the process. (Closing its stdin does nothing: it reads
    // none.)
    const terminate = setInterval(() => child.kill('SIGTERM'), 250)
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
    clearInterval(terminate)
    clearTimeout(killer)
  }
  try {
    const wsEndpoint = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`run-server printed no endpoint in 20 s:\n${output}`)), 20_000)
      const read = (chunk: Buffer): void => {
        output += chunk.toString()
        const endpoint = /Listening on (ws:\/\/\S+)/.exec(output)?.[1]
        if (endpoint) {
          clearTimeout(timer)
          resolve(endpoint)
        }
      }
      child.stdout.on('data', read)
      child.stderr.on('data', read)
      child.on('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`run-server exited (${code}) before listening:\n${output}`))
      })
    })
    return { wsEndpoint, running: () => child.exitCode === null && child.signalCode === null, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

/**
 * The query that tells run-server which browser binary to launch for this
 * connection (honoured by a server started with `--unsafe`).
 *
 * @example
 *   launchOptionsQuery('/usr/lib/chromium/chromium')
 *   // '?launch-options=%7B%22executablePath%22%3A%22%2Fusr%2Flib%2Fchromium%2Fchromium%22%7D'
 */
export function launchOptionsQuery(executablePath: string): string {
  return `?launch-options=${encodeURIComponent(JSON.stringify({ executablePath }))}`
}
