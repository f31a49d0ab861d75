import { describe, expect, it } from 'vitest'
import { BundleUnavailable } from './bundled-chromium.ts'
import { debianChromium, findChromium, NoChromiumError } from './chromium-path.ts'
import { ConfigurationError } from './errors/configuration-error.ts'

const playwrightPath = (): string => '/cache/ms-playwright/chromium-1255/chrome-linux64/chrome'
const bundled = async () => ({
  path: '/shop/node_modules/.cache/parlance/chromium-153.0.0/chromium',
  version: '153.0.0',
})
const noBundle = async (): Promise<never> => {
  throw new BundleUnavailable("not installed (npm install brings it: it is one of Parlance's dependencies)")
}

describe('findChromium', () => {
  it('prefers PARLANCE_CHROMIUM, then Playwright’s browser, then the system’s, then the bundled one', async () => {
    const all = (): boolean => true
    expect(
      await findChromium({ env: { PARLANCE_CHROMIUM: '/opt/chrome' }, exists: all, playwrightPath, bundled }),
    ).toEqual({
      path: '/opt/chrome',
      source: 'PARLANCE_CHROMIUM',
      description: 'PARLANCE_CHROMIUM: /opt/chrome',
    })
    expect(await findChromium({ env: {}, exists: all, playwrightPath, bundled })).toEqual({
      path: playwrightPath(),
      source: 'playwright',
      description: `Playwright's Chromium: ${playwrightPath()}`,
    })
    expect(await findChromium({ env: {}, exists: (path) => path === debianChromium, playwrightPath, bundled })).toEqual(
      {
        path: '/usr/lib/chromium/chromium',
        source: 'system',
        description: "the system's Chromium: /usr/lib/chromium/chromium",
      },
    )
    expect(await findChromium({ env: {}, exists: () => false, playwrightPath, bundled })).toEqual({
      path: '/shop/node_modules/.cache/parlance/chromium-153.0.0/chromium',
      source: 'bundled',
      description:
        'the bundled Chromium (@sparticuz/chromium 153.0.0): ' +
        '/shop/node_modules/.cache/parlance/chromium-153.0.0/chromium',
    })
  })

  it('says the bundled Chromium was extracted when it was', async () => {
    const extracting = async () => ({ path: '/c/chromium', version: '153.0.0', extractedMs: 2_250 })
    const choice = await findChromium({ env: {}, exists: () => false, playwrightPath, bundled: extracting })
    expect(choice.description).toBe(
      'the bundled Chromium (@sparticuz/chromium 153.0.0, extracted in 2.3 s): /c/chromium',
    )
  })

  it('says what it tried and how to fix it when there is no Chromium', async () => {
    const error = await findChromium({ env: {}, exists: () => false, playwrightPath, bundled: noBundle }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(NoChromiumError)
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as NoChromiumError).message).toBe(
      'No Chromium found for the browser pool. Tried:\n' +
        '  - PARLANCE_CHROMIUM: not set\n' +
        "  - Playwright's browser: /cache/ms-playwright/chromium-1255/chrome-linux64/chrome (not installed)\n" +
        "  - the system's chromium: /usr/lib/chromium/chromium (not found)\n" +
        '  - the bundled Chromium (@sparticuz/chromium): not installed (npm install brings it: it is one of ' +
        "Parlance's dependencies)\n" +
        'Fix: run npm install (on Linux x64 it brings @sparticuz/chromium, a Chromium from the npm registry), ' +
        'install one (apt-get install chromium), ' +
        'or set PARLANCE_CHROMIUM to a Chromium binary.',
    )
    expect((error as NoChromiumError).fix).toBe(
      'Fix: run npm install (on Linux x64 it brings @sparticuz/chromium, a Chromium from the npm registry), ' +
        'install one (apt-get install chromium), ' +
        'or set PARLANCE_CHROMIUM to a Chromium binary.',
    )
  })

  it('does not skip a PARLANCE_CHROMIUM that names no file', async () => {
    await expect(
      findChromium({
        env: { PARLANCE_CHROMIUM: '/nope/chrome' },
        exists: (path) => path !== '/nope/chrome',
        playwrightPath,
        bundled,
      }),
    ).rejects.toThrow(
      new ConfigurationError(
        'PARLANCE_CHROMIUM is set to "/nope/chrome", but there is no file there. Point it at a Chromium binary ' +
          '(e.g. /usr/lib/chromium/chromium) or unset it.',
      ),
    )
  })

  it('passes on an error of the bundled Chromium that is not about its absence', async () => {
    const broken = async (): Promise<never> => {
      throw new TypeError('boom')
    }
    await expect(findChromium({ env: {}, exists: () => false, playwrightPath, bundled: broken })).rejects.toThrow(
      new TypeError('boom'),
    )
  })
})
