import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import {
  BundleUnavailable,
  bundledChromiumPackage,
  extractBundledChromium,
  type BundledChromium,
} from './bundled-chromium.ts'
import { ConfigurationError } from './errors/configuration-error.ts'

/**
 * Where to look for Chromium; each part can be replaced in tests.
 *
 * @example
 *   await findChromium({ env: { PARLANCE_CHROMIUM: '/opt/chromium/chrome' } })
 *   await findChromium({
 *     exists: () => false,
 *     bundled: async () => {
 *       throw new BundleUnavailable('not installed')
 *     },
 *   }) // throws NoChromiumError
 */
export interface ChromiumLookup {
  env?: NodeJS.ProcessEnv
  exists?: (path: string) => boolean
  playwrightPath?: () => string
  bundled?: () => Promise<BundledChromium>
}

/**
 * Debian's real Chromium binary; /usr/bin/chromium is a shell wrapper that Playwright cannot drive.
 *
 * @example
 *   import { chromium } from 'playwright'
 *   (await findChromium({ env: {}, exists: (path) => path === debianChromium })).path // '/usr/lib/chromium/chromium'
 *   await chromium.launch({ executablePath: debianChromium })
 */
export const debianChromium = '/usr/lib/chromium/chromium'

/**
 * Which Chromium was chosen and why, for the run's header.
 *
 * @example
 *   const choice = await findChromium()
 *   choice.description
 *   // → 'the bundled Chromium (@sparticuz/chromium 153.0.0, extracted in 2.2 s): ' +
 *   //   '/work/shop/node_modules/.cache/parlance/chromium-153.0.0/chromium'
 */
export interface ChromiumChoice {
  path: string
  source: 'PARLANCE_CHROMIUM' | 'playwright' | 'system' | 'bundled'
  description: string
}

/**
 * No Chromium anywhere: what was tried, and how to get one.
 *
 * @example
 *   const error: unknown = await findChromium().catch((thrown: unknown) => thrown)
 *   if (error instanceof NoChromiumError) console.error('no browser', error.fix)
 */
export class NoChromiumError extends ConfigurationError {
  constructor(
    /** One line per place looked in. */
    readonly tried: readonly string[],
  ) {
    super(
      `No Chromium found for the browser pool. ` +
        `Tried:\n${tried.map((line) => `  - ${line}`).join('\n')}\n${noChromiumFix}`,
    )
  }

  /** How to get a browser, in one line. */
  get fix(): string {
    return noChromiumFix
  }
}

const noChromiumFix =
  `Fix: run npm install (on Linux x64 it brings ${bundledChromiumPackage}, a Chromium from the npm registry), ` +
  'install one (apt-get install chromium), or set PARLANCE_CHROMIUM to a Chromium binary.'

/**
 * The Chromium to launch, looked for in this order: `PARLANCE_CHROMIUM`,
 * Playwright's own downloaded browser, the system's (Debian's `chromium`
 * package), then the one bundled in the npm package `@sparticuz/chromium`
 * (extracted on first use). A PARLANCE_CHROMIUM naming no file is a
 * ConfigurationError, not skipped: it was set on purpose. No Chromium at all
 * is a NoChromiumError listing what was tried.
 *
 * @example
 *   import { chromium } from 'playwright'
 *   const { path } = await findChromium() // '/usr/lib/chromium/chromium'
 *   await chromium.launch({ executablePath: path })
 */
export async function findChromium(lookup: ChromiumLookup = {}): Promise<ChromiumChoice> {
  const {
    env = process.env,
    exists = existsSync,
    playwrightPath = playwrightChromiumPath,
    bundled = extractBundledChromium,
  } = lookup
  const chosen = env.PARLANCE_CHROMIUM
  if (chosen) {
    if (exists(chosen))
      return { path: chosen, source: 'PARLANCE_CHROMIUM', description: `PARLANCE_CHROMIUM: ${chosen}` }
    throw new ConfigurationError(
      `PARLANCE_CHROMIUM is set to "${chosen}", but there is no file there. Point it at a Chromium binary ` +
        `(e.g. ${debianChromium}) or unset it.`,
    )
  }
  const tried = ['PARLANCE_CHROMIUM: not set']
  let downloaded: string | undefined
  try {
    downloaded = playwrightPath()
  } catch (error) {
    tried.push(`Playwright's browser: unknown (${error instanceof Error ? error.message : String(error)})`)
  }
  if (downloaded !== undefined) {
    if (exists(downloaded))
      return { path: downloaded, source: 'playwright', description: `Playwright's Chromium: ${downloaded}` }
    tried.push(`Playwright's browser: ${downloaded} (not installed)`)
  }
  if (exists(debianChromium))
    return { path: debianChromium, source: 'system', description: `the system's Chromium: ${debianChromium}` }
  tried.push(`the system's chromium: ${debianChromium} (not found)`)
  try {
    const { path, version, extractedMs } = await bundled()
    const extracted = extractedMs === undefined ? '' : `, extracted in ${(extractedMs / 1000).toFixed(1)} s`
    return {
      path,
      source: 'bundled',
      description: `the bundled Chromium (${bundledChromiumPackage} ${version}${extracted}): ${path}`,
    }
  } catch (error) {
    if (!(error instanceof BundleUnavailable)) throw error
    tried.push(`the bundled Chromium (${bundledChromiumPackage}): ${error.message}`)
  }
  throw new NoChromiumError(tried)
}

// Loaded only when asked: importing Playwright costs a few hundred ms that api-only workers need not pay.
function playwrightChromiumPath(): string {
  const { chromium } = createRequire(import.meta.url)('playwright') as typeof import('playwright')
  return chromium.executablePath()
}
