import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderEventPage } from './render-event-page.ts'
import { renderTraderPage } from './render-trader-page.ts'
import { launchBrowser, showMarkup } from './test/a11y-browser.ts'
import { anEvent } from './test/fake-engine.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser.close()
})

const resulted = anEvent({
  id: 'R2',
  name: 'The Derby',
  status: 'resulted',
  runners: [
    { name: 'Dobbin', withdrawn: false },
    { name: 'Red Rum', withdrawn: false },
    { name: 'Shergar', withdrawn: false },
    { name: 'Arkle', withdrawn: true },
  ],
  withdrawals: [{ runner: 'Arkle', price: '3/1', late: true, deduction: 25 }],
  result: {
    version: 2,
    placings: [['Dobbin'], ['Red Rum', 'Shergar']],
    startingPrices: { Dobbin: '5/1', 'Red Rum': 'evens' },
  },
  bets: 4,
})

describe('renderTraderPage', () => {
  it('has a "Create an event" form with every field labelled and a "Create event" button', async () => {
    const page = await showMarkup(browser, renderTraderPage({ events: [] }))
    expect(await page.title()).toBe('Trader · Settlement engine')
    expect(await page.getByRole('link', { name: 'Trader' }).getAttribute('aria-current')).toBe('page')
    expect(await page.getByRole('form', { name: 'Create an event' }).ariaSnapshot()).toBe(`- form "Create an event":
  - text: Event id Unique, e.g. R1
  - textbox "Event id"
  - text: Event name e.g. 3:45 Aintree
  - textbox "Event name"
  - checkbox "Handicap"
  - text: Handicap Runners One runner per line
  - textbox "Runners"
  - group "Place terms (optional)":
    - text: Place terms (optional) Place terms fraction e.g. 1/5; leave both blank for the standard terms
    - textbox "Place terms fraction"
    - text: Places paid e.g. 3
    - textbox "Places paid"
  - button "Create event"`)
    expect(await page.getByRole('region', { name: 'Events' }).textContent()).toBe('EventsNo events yet.')
  })

  it('lists the events with state, runners still running, withdrawn runners, current result and version', async () => {
    const page = await showMarkup(
      browser,
      renderTraderPage({ events: [anEvent(), resulted], query: new URLSearchParams('done=created&event=R2') }),
    )
    expect(await page.getByRole('status').textContent()).toBe('Event R2 created.')
    const table = page.getByRole('table', { name: 'Events' })
    expect(await table.getByRole('row').allTextContents()).toEqual([
      'EventNameStateRunningWithdrawnResultResult versionBets',
      'R1The NationalOpen30',
      'R2The DerbyResulted3Arkle1 Dobbin · 2= Red Rum & Shergar24',
    ])
    expect(await table.getByRole('link', { name: 'R2' }).getAttribute('href')).toBe('/trader/events/R2')
  })

  it('keeps a refused event’s values and names the field in an alert', async () => {
    const values = new URLSearchParams({ id: 'R1', name: 'Again', runners: 'A\nB', handicap: 'on' })
    const page = await showMarkup(
      browser,
      renderTraderPage({
        events: [anEvent()],
        eventForm: { values, problem: { field: 'id', message: 'an event with id "R1" exists already' } },
      }),
    )
    expect(await page.getByRole('alert').textContent()).toBe(
      'Event refused. Event id: an event with id "R1" exists already',
    )
    expect(await page.getByLabel('Event id').getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByLabel('Runners').inputValue()).toBe('A\nB')
    expect(await page.getByLabel('Handicap').isChecked()).toBe(true)
  })
})

describe('renderEventPage', () => {
  it('offers "Declare result" for an open event, and the withdraw and void forms', async () => {
    const page = await showMarkup(browser, renderEventPage({ event: anEvent() }))
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Event R1: The National')
    expect(await page.getByRole('region', { name: 'Current result' }).textContent()).toBe(
      'Current resultNo result yet.',
    )
    expect(
      await page
        .getByRole('main')
        .getByRole('form')
        .evaluateAll((forms) => forms.map((form) => form.getAttribute('action'))),
    ).toEqual(['/trader/events/R1/withdrawals', '/trader/events/R1/result', '/trader/events/R1/void'])
    expect(await page.getByRole('form', { name: 'Withdraw a runner' }).ariaSnapshot()).toBe(`- form "Withdraw a runner":
  - text: Runner
  - combobox "Runner"
  - text: "Price at withdrawal The price when withdrawn, e.g. 3/1: it sets the Rule 4 deduction"
  - textbox "Price at withdrawal"
  - checkbox "Late withdrawal"
  - text: "Late withdrawal No new market formed: SP bets are deducted too"
  - button "Withdraw runner"`)
    expect(
      await page.getByRole('form', { name: 'Declare the result' }).ariaSnapshot(),
    ).toBe(`- form "Declare the result":
  - text: Placings One line per finishing position, first first; a dead heat as "A, B" on one line
  - textbox "Placings"
  - text: "Starting prices Optional: one per line as \\"runner: price\\", e.g. Dobbin: 5/1"
  - textbox "Starting prices"
  - button "Declare result"`)
    expect(await page.getByRole('form', { name: 'Void the race' }).getByRole('button').textContent()).toBe('Void race')
  })

  it('shows a resulted event: runners, withdrawals with Rule 4, result version, "Amend result" filled in', async () => {
    const page = await showMarkup(
      browser,
      renderEventPage({ event: resulted, query: new URLSearchParams('done=amended&event=R2&version=2') }),
    )
    expect(await page.getByRole('status').textContent()).toBe('Result of R2 amended (version 2).')
    expect(await page.getByRole('table', { name: 'Runners' }).getByRole('row').allTextContents()).toEqual([
      'RunnerStatusStarting price',
      'DobbinRunning5/1',
      'Red RumRunningevens',
      'ShergarRunning',
      'ArkleWithdrawn',
    ])
    expect(await page.getByRole('table', { name: 'Withdrawals' }).getByRole('row').nth(1).textContent()).toBe(
      'Arkle3/1Yes25p in the £',
    )
    expect(
      await page.getByRole('table', { name: 'Result, version 2 (amended)' }).getByRole('row').allTextContents(),
    ).toEqual(['PositionRunnersNote', '1Dobbin', '2=Red Rum, ShergarDead heat of 2'])
    const amend = page.getByRole('form', { name: 'Amend the result' })
    expect(await amend.getByLabel('Placings').inputValue()).toBe('Dobbin\nRed Rum, Shergar')
    expect(await amend.getByLabel('Starting prices').inputValue()).toBe('Dobbin: 5/1\nRed Rum: evens')
    expect(await amend.getByRole('button').textContent()).toBe('Amend result')
    expect(
      await page
        .locator('#withdrawal-runner-suggestions option')
        .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)),
    ).toEqual(['Dobbin', 'Red Rum', 'Shergar'])
  })

  it('puts a refusal in the form it came from only', async () => {
    const values = new URLSearchParams({ runner: 'Nijinsky', price: '3/1' })
    const page = await showMarkup(
      browser,
      renderEventPage({
        event: anEvent(),
        refused: {
          form: 'withdrawal',
          values,
          problem: { field: 'runner', message: '"Nijinsky" is not a runner in R1' },
        },
      }),
    )
    expect(await page.getByRole('alert').count()).toBe(1)
    expect(await page.getByRole('form', { name: 'Withdraw a runner' }).getByRole('alert').textContent()).toBe(
      'Withdrawal refused. Runner: "Nijinsky" is not a runner in R1',
    )
    expect(await page.getByLabel('Price at withdrawal').inputValue()).toBe('3/1')
  })

  it('escapes an event name with markup in the title, heading and cells', async () => {
    const markup = renderEventPage({
      event: anEvent({ name: '<script>alert(1)</script>', runners: [{ name: '<img src=x>', withdrawn: false }] }),
    })
    expect(markup.markup).toContain(
      '<title>Event R1: &lt;script&gt;alert(1)&lt;/script&gt; · Settlement engine</title>',
    )
    const page = await showMarkup(browser, markup)
    expect(await page.locator('body script, body img').count()).toBe(0)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Event R1: <script>alert(1)</script>')
    expect(await page.getByRole('rowheader', { name: '<img src=x>' }).count()).toBe(1)
  })
})
