// The pages as Parlance's ui channel drives them: Chromium, finding
// everything by role and label, never by CSS.
import type { Browser, Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { handleUi } from './index.ts'
import { launchBrowser } from './test/a11y-browser.ts'
import { anEvent, fakeEngine } from './test/fake-engine.ts'
import { startTestServer, type TestServer } from './test/ui-test-server.ts'

let browser: Browser
let server: TestServer
let page: Page

beforeAll(async () => {
  const engine = fakeEngine({ events: [anEvent()] })
  server = await startTestServer(async (req, res) => {
    if (!(await handleUi(req, res, engine))) res.writeHead(404).end()
  })
  browser = await launchBrowser()
  page = await (await browser.newContext({ baseURL: server.url })).newPage()
  page.setDefaultTimeout(5_000)
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('the UI in a browser', () => {
  it('lets a trader create an event, withdraw a runner and declare the result, by label and role', async () => {
    await page.goto('/trader')
    const create = page.getByRole('form', { name: 'Create an event' })
    await create.getByLabel('Event id').fill('R2')
    await create.getByLabel('Event name').fill('The Derby')
    await create.getByLabel('Runners').fill('Dobbin\nRed Rum\n<script>alert(1)</script>')
    await create.getByRole('button', { name: 'Create event' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Event R2 created.')

    await page.getByRole('table', { name: 'Events' }).getByRole('link', { name: 'R2' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Event R2: The Derby')
    const withdraw = page.getByRole('form', { name: 'Withdraw a runner' })
    await withdraw.getByLabel('Runner').fill('Red Rum')
    await withdraw.getByLabel('Price at withdrawal').fill('3/1')
    await withdraw.getByLabel('Late withdrawal').check()
    await withdraw.getByRole('button', { name: 'Withdraw runner' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Red Rum withdrawn from R2.')

    const declare = page.getByRole('form', { name: 'Declare the result' })
    await declare.getByLabel('Placings').fill('<script>alert(1)</script>, Dobbin')
    await declare.getByLabel('Starting prices').fill('Dobbin: 5/1')
    await declare.getByRole('button', { name: 'Declare result' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Result of R2 declared (version 1).')
    expect(await page.getByRole('table', { name: 'Result, version 1' }).getByRole('row').nth(1).textContent()).toBe(
      '1=<script>alert(1)</script>, DobbinDead heat of 2',
    )
    expect(
      await page.getByRole('form', { name: 'Amend the result' }).getByRole('button', { name: 'Amend result' }).count(),
    ).toBe(1)
  })

  it('lets a punter find their bets, see a refusal as an alert, and place a bet', async () => {
    await page.goto('/')
    await page.getByLabel('Customer').fill('alice')
    await page.getByRole('button', { name: 'Show my bets' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('My bets')

    const slip = page.getByRole('form', { name: 'Place a bet' })
    await slip.getByLabel('Event', { exact: true }).fill('R9')
    await slip.getByLabel('Runner', { exact: true }).fill('Dobbin')
    await slip.getByLabel('Price', { exact: true }).fill('5/1')
    await slip.getByLabel('Stake').fill('10.00')
    await slip.getByRole('button', { name: 'Place bet' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Bet refused. Event: no event has id "R9"')

    await slip.getByLabel('Event', { exact: true }).fill('R1')
    await slip.getByRole('button', { name: 'Place bet' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Bet B1 placed.')
    expect(
      await page
        .getByRole('table', { name: 'Open bets' })
        .getByRole('row', { name: /^B1 / })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual(['Dobbin at 5/1 in The National (R1)', '£10.00', 'No', '£10.00', 'Open'])
  })
})
