import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createBrotliDecompress } from 'node:zlib'

/**
 * The npm package whose Chromium Parlance falls back on: it ships a
 * brotli-compressed headless Chromium for Linux x64 inside the package, so
 * `npm install` brings a browser from the registry alone.
 *
 * @example
 *   bundledChromiumPackage // '@sparticuz/chromium'
 */
export const bundledChromiumPackage = '@sparticuz/chromium'

/**
 * The bundled Chromium, ready to launch.
 *
 * @example
 *   import { chromium } from 'playwright'
 *   const { path, version } = await extractBundledChromium()
 *   await chromium.launch({ executablePath: path })
 */
export interface BundledChromium {
  path: string
  /** The package's version, e.g. `153.0.0`. */
  version: string
  /** How long extracting it took; absent when it was already extracted. */
  extractedMs?: number
}

/**
 * Why there is no bundled Chromium here, in words for the list of what was tried.
 *
 * @example
 *   throw new BundleUnavailable('not installed (npm install without --omit=optional brings it)')
 */
export class BundleUnavailable extends Error {
  override readonly name = 'BundleUnavailable'
}

/**
 * Where to find the package and where to put the browser; each part can be replaced in tests.
 *
 * @example
 *   await extractBundledChromium({ platform: 'darwin' }) // throws BundleUnavailable
 */
export interface BundleLookup {
  platform?: NodeJS.Platform
  arch?: string
  /** The package's folder; default: resolved from this file. */
  packageDir?: () => string
  /** Where the extracted browser is kept; default: node_modules/.cache/parlance beside the package. */
  cacheDir?: (packageDir: string) => string
}

/**
 * The bundled Chromium's binary, extracted on first use into
 * `node_modules/.cache/parlance/chromium-VERSION/` (about 210 MB, 2–7 s) and
 * reused after. Extraction writes a temporary file and renames it, so a run
 * cut short never leaves half a browser, and two workers extracting at once
 * both end with a whole one. Throws BundleUnavailable when the package is not
 * installed or is not for this platform.
 *
 * @example
 *   const { path } = await extractBundledChromium()
 *   path // '/work/shop/node_modules/.cache/parlance/chromium-153.0.0/chromium'
 */
export async function extractBundledChromium(lookup: BundleLookup = {}): Promise<BundledChromium> {
  const {
    platform = process.platform,
    arch = process.arch,
    packageDir = resolvePackageDir,
    cacheDir = defaultCacheDir,
  } = lookup
  if (platform !== 'linux' || arch !== 'x64')
    throw new BundleUnavailable(`ships Linux x64 only, not ${platform} ${arch}`)
  const dir = packageDir()
  const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version
  const compressed = join(dir, 'bin', 'chromium.br')
  if (!existsSync(compressed)) throw new BundleUnavailable(`${compressed} is missing: reinstall it with npm install`)
  const target = join(cacheDir(dir), `chromium-${version}`)
  const path = join(target, 'chromium')
  if (existsSync(path)) return { path, version }
  const began = Date.now()
  await mkdir(target, { recursive: true })
  const partial = `${path}.${process.pid}.partial`
  try {
    await pipeline(createReadStream(compressed), createBrotliDecompress(), createWriteStream(partial, { mode: 0o755 }))
    await rename(partial, path)
  } catch (error) {
    await rm(partial, { force: true })
    throw new BundleUnavailable(
      `could not be extracted to ${path}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    )
  }
  return { path, version, extractedMs: Date.now() - began }
}

function resolvePackageDir(): string {
  let entry: string
  try {
    entry = createRequire(import.meta.url).resolve(bundledChromiumPackage)
  } catch {
    throw new BundleUnavailable("not installed (npm install brings it: it is one of Parlance's dependencies)")
  }
  // The package exports only its entry point (build/index.js), not its package.json: walk up to the folder that has
  // one.
  let dir = dirname(entry)
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir)
  return dir
}

// node_modules/@sparticuz/chromium → node_modules/.cache/parlance: cleared with node_modules, as find-cache-dir does.
function defaultCacheDir(packageDir: string): string {
  return join(packageDir, '..', '..', '.cache', 'parlance')
}
