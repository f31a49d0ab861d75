import { describe, expect, it } from 'vitest'
import { debianChromium, findChromium } from './chromium-path.ts'
import { ConfigurationError } from './errors/configuration-error.ts'

const playwrightPath = (): string => '/cache/ms-playwright/chromium-1255/chrome-linux64/chrome'

describe('findChromium', () => {
  it('prefers PARLANCE_CHROMIUM, then Playwright’s browser, then Debian’s binary', () => {
    const all = (): boolean => true
    expect(findChromium({ env: { PARLANCE_CHROMIUM: '/opt/chrome' }, exists: all, playwrightPath })).toBe('/opt/chrome')
    expect(findChromium({ env: {}, exists: all, playwrightPath })).toBe(playwrightPath())
    expect(findChromium({ env: {}, exists: (path) => path === debianChromium, playwrightPath })).toBe('/usr/lib/chromium/chromium')
  })

  it('says what it tried and how to fix it when there is no Chromium', () => {
    const find = (): string => findChromium({ env: {}, exists: () => false, playwrightPath })
    expect(find).toThrow(ConfigurationError)
    expect(find).toThrow(
      'No Chromium found for the browser pool. Tried:\n' +
        '  - PARLANCE_CHROMIUM: not set\n' +
        "  - Playwright's browser: /cache/ms-playwright/chromium-1255/chrome-linux64/chrome (not installed)\n" +
        "  - Debian's chromium: /usr/lib/chromium/chromium (not found)\n" +
        'Install one with `apt-get install chromium` (or `npx playwright install chromium`), or set PARLANCE_CHROMIUM to a Chromium binary.',
    )
  })

  it('does not skip a PARLANCE_CHROMIUM that names no file', () => {
    expect(() => findChromium({ env: { PARLANCE_CHROMIUM: '/nope/chrome' }, exists: (path) => path !== '/nope/chrome', playwrightPath })).toThrow(
      'PARLANCE_CHROMIUM is set to "/nope/chrome", but there is no file there. Point it at a Chromium binary (e.g. /usr/lib/chromium/chromium) or unset it.',
    )
  })
})
