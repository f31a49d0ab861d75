import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { ConfigurationError } from './errors/configuration-error.ts'

/**
 * Where to look for Chromium; each part can be replaced in tests.
 *
 * @example
 *   findChromium({ env: { PARLANCE_CHROMIUM: '/opt/chromium/chrome' } })
 *   findChromium({ exists: () => false }) // throws ConfigurationError listing what was tried
 */
export interface ChromiumLookup {
  env?: NodeJS.ProcessEnv
  exists?: (path: string) => boolean
  playwrightPath?: () => string
}

/**
 * Debian's real Chromium binary; /usr/bin/chromium is a shell wrapper that Playwright cannot drive.
 *
 * @example
 *   findChromium({ env: {}, exists: (path) => path === debianChromium }) // '/usr/lib/chromium/chromium'
 *   await chromium.launch({ executablePath: debianChromium })
 */
export const debianChromium = '/usr/lib/chromium/chromium'

/**
 * The Chromium binary to launch: `PARLANCE_CHROMIUM` if set, else Playwright's
 * downloaded browser if installed, else Debian's. A PARLANCE_CHROMIUM naming
 * no file is an error, not skipped: it was set on purpose.
 *
 * @example
 *   const executablePath = findChromium() // '/usr/lib/chromium/chromium'
 *   await chromium.launch({ executablePath })
 */
export function findChromium(lookup: ChromiumLookup = {}): string {
  const { env = process.env, exists = existsSync, playwrightPath = playwrightChromiumPath } = lookup
  const chosen = env.PARLANCE_CHROMIUM
  if (chosen) {
    if (exists(chosen)) return chosen
    throw new ConfigurationError(`PARLANCE_CHROMIUM is set to "${chosen}", but there is no file there. Point it at a Chromium binary (e.g. ${debianChromium}) or unset it.`)
  }
  const tried = ['PARLANCE_CHROMIUM: not set']
  let downloaded: string | undefined
  try {
    downloaded = playwrightPath()
  } catch (error) {
    tried.push(`Playwright's browser: unknown (${error instanceof Error ? error.message : String(error)})`)
  }
  if (downloaded !== undefined) {
    if (exists(downloaded)) return downloaded
    tried.push(`Playwright's browser: ${downloaded} (not installed)`)
  }
  if (exists(debianChromium)) return debianChromium
  tried.push(`Debian's chromium: ${debianChromium} (not found)`)
  throw new ConfigurationError(
    `No Chromium found for the browser pool. Tried:\n${tried.map((line) => `  - ${line}`).join('\n')}\n` +
      'Install one with `apt-get install chromium` (or `npx playwright install chromium`), or set PARLANCE_CHROMIUM to a Chromium binary.',
  )
}

// Loaded only when asked: importing Playwright costs a few hundred ms that api-only workers need not pay.
function playwrightChromiumPath(): string {
  const { chromium } = createRequire(import.meta.url)('playwright') as typeof import('playwright')
  return chromium.executablePath()
}
