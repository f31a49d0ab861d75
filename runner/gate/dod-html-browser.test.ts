import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumArgs } from '../../drivers/core/browser-pool.ts'
import { findChromium } from '../../drivers/core/chromium-path.ts'
import { runGate } from './run-gate.ts'

// dod.html as a person sees it: the gate's report of real cucumber runs (the fixtures), opened in Chromium.
const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))
const cases = ['green', 'flaky', 'failed', 'undefined', 'not-applicable', 'missing-criterion']
let dir: string
let browser: Browser | undefined
let page: Page

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parlance-dod-html-'))
  expect(await runGate({ inputs: cases.map(fixture), reportsDir: dir }, () => {})).toBe(1)
  // vitest's global setup found the Chromium (PARLANCE_CHROMIUM); findChromium says how to get one if there is none.
  const { path } = await findChromium()
  browser = await chromium.launch({ executablePath: path, headless: true, args: [...chromiumArgs], timeout: 60_000 })
  page = await browser.newPage({ viewport: { width: 1200, height: 800 } })
  await page.goto(pathToFileURL(join(dir, 'dod.html')).href)
}, 90_000)

afterAll(async () => {
  await browser?.close()
  rmSync(dir, { recursive: true, force: true })
})

const cellOf = (criterion: string, column: number) =>
  page
    .locator('section.domain tr', { has: page.locator('th', { hasText: criterion }) })
    .locator('td')
    .nth(column)
const background = (selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => getComputedStyle(element).backgroundColor)

describe('dod.html in Chromium', () => {
  it('shows the verdict and the run’s figures at the top', async () => {
    expect(await page.title()).toBe('Definition of done: RED')
    expect(await page.locator('header.verdict h1').textContent()).toBe('Definition of done: RED ✗')
    expect(await background('header.verdict')).toBe('rgb(185, 28, 28)')
    expect(await page.locator('.figures').textContent()).toBe('Channels: api, ui · scenario runs: 10')
    expect(await page.locator('.counts li').allTextContents()).toEqual([
      'E 1 error',
      '? 1 unfinished',
      '~ 1 flaky',
      'n/a 1 not applicable',
      '✓ 6 passed',
    ])
    expect(await page.locator('#reasons li > a').count()).toBe(4)
  })

  it('marks and colours each cell by its kind', async () => {
    const cells = await page
      .locator('section.domain tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [
          row.querySelector('th')!.childNodes[0]!.textContent!.trim(),
          Array.from(row.querySelectorAll('td')).map((cell) => `${cell.className} ${cell.textContent}`),
        ]),
      )
    expect(cells).toEqual([
      ['An order is confirmed once paid', ['cell cell-passed ✓ passed', 'cell cell-passed ✓ passed']],
      ['An unpaid order stays open', ['cell cell-passed ✓ passed', 'cell cell-passed ✓ passed']],
      ['A refund returns the whole stake', ['cell cell-passed ✓ passed', 'cell cell-none ']],
      ['A refund is made once only (no scenario)', ['cell cell-not-run – not run', 'cell cell-not-run – not run']],
      ['A winning bet pays stake times odds', ['cell cell-error E error', 'cell cell-none ']],
      ['A cash out offer follows the odds', ['cell cell-unfinished ? unfinished', 'cell cell-none ']],
      ['A result is settled once', ['cell cell-flaky ~ flaky', 'cell cell-none ']],
      [
        'An amended result resettles bets',
        ['cell cell-passed ✓ passed', 'cell cell-not-applicable n/a not applicable'],
      ],
    ])
    expect(await background('td.cell-passed')).toBe('rgb(220, 252, 231)')
    expect(await background('td.cell-error')).toBe('rgb(127, 29, 29)')
    expect(await background('td.cell-flaky')).toBe('rgb(254, 243, 199)')
    expect(await cellOf('A result is settled once', 0).getAttribute('class')).toBe('cell cell-flaky')
  })

  it('takes a click on a cell to its scenarios: the flaky one with both attempts, steps and errors', async () => {
    await cellOf('A result is settled once', 0).getByRole('link').click()
    const id = 'cell-api-features_2f_flaky_2e_feature_3a_4'
    expect(new URL(page.url()).hash).toBe(`#${id}`)
    const section = page.locator(`[id="${id}"]`)
    expect(await section.isVisible()).toBe(true)
    expect(await section.evaluate((element) => element.matches(':target'))).toBe(true)
    const box = (await section.boundingBox())!
    expect(box.y >= 0 && box.y < 800).toBe(true)
    expect(await section.locator('h4').textContent()).toBe('GATE-6 › A result is settled once on api')
    const attempts = section.locator('.attempt h5')
    expect((await attempts.allTextContents()).map((text) => text.replace(/ [\d.]+ m?s$/, ''))).toEqual([
      'Attempt 1 of 2: error',
      'Attempt 2 of 2: passed',
    ])
    expect(await section.locator('pre.error').first().textContent()).toBe('the stream was not ready yet')
    expect(await section.locator('pre.error').first().isVisible()).toBe(true)
  })

  it('takes a reason for red to the run it is about', async () => {
    await page.locator('#reasons li > a', { hasText: 'Paying a winner' }).click()
    const id = 'run-api-features_2f_failed_2e_feature_3a_6'
    expect(new URL(page.url()).hash).toBe(`#${id}`)
    const run = page.locator(`[id="${id}"]`)
    expect(await run.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(true)
    expect(await run.locator('.step-failed pre.error').textContent()).toBe('expected 500 pence, got 450')
    expect(await run.locator('.step-failed pre.error').isVisible()).toBe(true)
  })
})
