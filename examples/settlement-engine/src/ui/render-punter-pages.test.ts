import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventSummary } from '../engine/engine.ts'
import type { Breakdown } from '../rules/index.ts'
import { renderBetsPage } from './render-bets-page.ts'
import { renderHomePage } from './render-home-page.ts'
import { launchBrowser, showMarkup } from './test/a11y-browser.ts'
import { aBet } from './test/fake-engine.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser.close()
})

const events: EventSummary[] = [
  { id: 'R1', name: 'The National', status: 'open', runners: 3, bets: 1 },
  { id: 'R2', name: 'The Derby', status: 'resulted', runners: 8, bets: 1 },
]

const eachWayBreakdown: Breakdown = {
  stakePence: 1000,
  eachWay: true,
  parts: [
    {
      part: 'win',
      stakePence: 1000,
      legs: [
        { event: 'R2', runner: 'Red Rum', result: 'lost', position: 2, deadHeatWith: 2, price: '5/1', factor: '0' },
      ],
      exactReturnsPence: '0',
    },
    {
      part: 'place',
      stakePence: 1000,
      legs: [
        {
          event: 'R2',
          runner: 'Red Rum',
          result: 'placed',
          position: 2,
          deadHeatWith: 2,
          price: '5/1',
          odds: '5/1',
          placeFraction: '1/5',
          places: 3,
          deadHeatFactor: '1/2',
          rule4Pence: 25,
          rule4Withdrawals: ['Shergar'],
          factor: '7/8',
        },
      ],
      exactReturnsPence: '875',
    },
  ],
  exactReturnsPence: '875',
  returnsPence: 875,
}

const settled = aBet({
  id: 'B2',
  status: 'settled',
  eachWay: true,
  totalStake: '20.00',
  legs: [{ event: 'R2', runner: 'Red Rum', price: '5/1' }],
  returns: '8.75',
  breakdown: eachWayBreakdown,
  history: [
    { seq: 7, event: 'R2', resultVersion: 1, status: 'settled', returns: '20.00' },
    { seq: 9, event: 'R2', resultVersion: 2, status: 'settled', returns: '8.75' },
  ],
})

describe('renderHomePage', () => {
  it('is a page with a labelled customer field and a "Show my bets" button, in the nav’s punter view', async () => {
    const page = await showMarkup(browser, renderHomePage())
    expect(await page.title()).toBe('Punter · Settlement engine')
    expect(await page.locator('html').getAttribute('lang')).toBe('en-GB')
    expect(
      await page
        .getByRole('navigation', { name: 'Views' })
        .getByRole('link', { name: 'Punter' })
        .getAttribute('aria-current'),
    ).toBe('page')
    expect(await page.getByRole('main').ariaSnapshot()).toBe(`- main:
  - heading "Punter" [level=1]
  - region "Find your bets":
    - heading "Find your bets" [level=2]
    - form "Find your bets":
      - text: Customer Your customer name, e.g. alice
      - textbox "Customer"
      - button "Show my bets"`)
  })
})

describe('renderBetsPage', () => {
  it('shows "My bets": the confirmation, "Open bets" and "Settled bets" as named tables, a row per bet', async () => {
    const page = await showMarkup(
      browser,
      renderBetsPage({
        customer: 'alice',
        bets: [aBet(), settled],
        events,
        query: new URLSearchParams('done=placed&bet=B1'),
      }),
    )
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('My bets')
    expect(await page.getByRole('status').textContent()).toBe('Bet B1 placed.')
    expect(await page.getByRole('table', { name: 'Open bets' }).ariaSnapshot()).toBe(`- table "Open bets":
  - rowgroup:
    - row "Bet Selections Stake Each-way Total stake Status":
      - columnheader "Bet"
      - columnheader "Selections"
      - columnheader "Stake"
      - columnheader "Each-way"
      - columnheader "Total stake"
      - columnheader "Status"
  - rowgroup:
    - row "B1 Dobbin at 5/1 in The National (R1) £10.00 No £10.00 Open":
      - rowheader "B1"
      - cell "Dobbin at 5/1 in The National (R1)":
        - list:
          - listitem: Dobbin at 5/1 in The National (R1)
      - cell "£10.00"
      - cell "No"
      - cell "£10.00"
      - cell "Open"`)
    const row = page.getByRole('table', { name: 'Settled bets' }).getByRole('row', { name: /^B2 / })
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      'Red Rum at 5/1 in The Derby (R2)',
      '£10.00',
      'Yes',
      '£20.00',
      'Settled',
      '£8.75',
    ])
  })

  it('folds each settled bet’s breakdown: win and place parts, dead heat, Rule 4, returns, settlements', async () => {
    const page = await showMarkup(browser, renderBetsPage({ customer: 'alice', bets: [settled], events }))
    const breakdown = page.getByRole('group', { name: 'Breakdown of bet B2' })
    expect(await breakdown.getByRole('table').count()).toBe(0)
    await breakdown.getByText('Breakdown of bet B2').click()
    const place = breakdown.getByRole('table', { name: 'Place part of bet B2' })
    expect(await place.getByRole('columnheader').allTextContents()).toEqual([
      'Leg',
      'Price taken',
      'Result',
      'Finish',
      'Odds paid',
      'Place terms',
      'Dead-heat factor',
      'Rule 4 deduction',
      'Factor',
    ])
    expect(
      await place
        .getByRole('row', { name: /^Red Rum in R2/ })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual([
      '5/1',
      'Placed',
      '2nd, dead heat of 2',
      '5/1',
      '1/5 the odds, 3 places',
      '1/2',
      '25p in the £ (Shergar)',
      '7/8',
    ])
    expect(await place.getByRole('row').last().textContent()).toBe("£10.00 stake × every leg's factor£8.75")
    expect(
      await breakdown
        .getByRole('table', { name: 'Win part of bet B2' })
        .getByRole('row', { name: /^Red Rum in R2/ })
        .getByRole('cell')
        .nth(1)
        .textContent(),
    ).toBe('Lost')
    expect(await breakdown.getByText(/^Returns:/).textContent()).toBe('Returns: £8.75.')
    expect(
      await breakdown.getByRole('table', { name: 'Settlements of bet B2' }).getByRole('row').allTextContents(),
    ).toEqual([
      'SettlementEventResult versionStatusReturns',
      'FirstR21Settled£20.00',
      'ResettledR22 (amended)Settled£8.75',
    ])
  })

  it('names void legs, and shows an exact return’s fraction of a penny before rounding', async () => {
    const breakdown: Breakdown = {
      stakePence: 1000,
      eachWay: false,
      parts: [
        {
          part: 'win',
          stakePence: 1000,
          legs: [
            { event: 'R1', runner: 'Dobbin', result: 'non-runner', price: '5/1', factor: '1' },
            {
              event: 'R2',
              runner: 'Red Rum',
              result: 'won',
              position: 1,
              deadHeatWith: 3,
              price: '2/1',
              odds: '2/1',
              deadHeatFactor: '1/3',
              rule4Pence: 0,
              rule4Withdrawals: [],
              factor: '1',
            },
          ],
          exactReturnsPence: '10000/3',
        },
      ],
      exactReturnsPence: '10000/3',
      returnsPence: 3333,
    }
    const page = await showMarkup(
      browser,
      renderBetsPage({ customer: 'alice', bets: [aBet({ status: 'settled', returns: '33.33', breakdown })], events }),
    )
    await page.getByText('Breakdown of bet B1').click()
    expect(await page.getByText(/^Void legs:/).textContent()).toBe('Void legs: Dobbin in R1 (non-runner).')
    expect(await page.getByText(/^Returns:/).textContent()).toBe(
      'Returns: £33.33, the exact total £33.33 and 1/3p rounded down to the penny.',
    )
    expect(
      await page
        .getByRole('row', { name: /^Dobbin in R1/ })
        .getByRole('cell')
        .nth(1)
        .textContent(),
    ).toBe('Non-runner: void leg')
  })

  it('says when there are no bets, without empty tables', async () => {
    const page = await showMarkup(browser, renderBetsPage({ customer: 'bob', bets: [], events }))
    expect(await page.getByRole('region', { name: 'Open bets' }).textContent()).toBe('Open betsNo open bets.')
    expect(await page.getByRole('region', { name: 'Settled bets' }).textContent()).toBe(
      'Settled betsNo settled bets yet.',
    )
    expect(await page.getByRole('table').count()).toBe(0)
  })

  it('has a "Place a bet" form with every field labelled, filled in for the customer', async () => {
    const page = await showMarkup(browser, renderBetsPage({ customer: 'alice', bets: [], events }))
    expect(await page.getByRole('form', { name: 'Place a bet' }).ariaSnapshot()).toBe(`- form "Place a bet":
  - text: Customer
  - textbox "Customer": alice
  - group "Selection":
    - text: Selection Event The event id, e.g. R1
    - combobox "Event"
    - text: Runner
    - textbox "Runner"
    - text: "Price As offered: 5/1, evens, 2.25 or SP"
    - textbox "Price"
  - text: "More legs For a multiple: one more leg per line, as event, runner, price, e.g. R2, Red Rum, 5/1"
  - textbox "More legs"
  - text: Stake Per line, in pounds, e.g. 10.00
  - textbox "Stake"
  - checkbox "Each-way"
  - text: "Each-way Win and place: costs twice the stake"
  - button "Place bet"`)
    expect(
      await page
        .locator('#bet-event-suggestions option')
        .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)),
    ).toEqual(['R1'])
  })

  it('shows a refusal as an alert naming the field, and at the field, keeping what was typed', async () => {
    const values = new URLSearchParams({
      customer: 'alice',
      event: 'R1',
      runner: 'Nijinsky',
      price: '5/1',
      stake: '10',
      eachWay: 'on',
    })
    const page = await showMarkup(
      browser,
      renderBetsPage({
        customer: 'alice',
        bets: [],
        events,
        betForm: { values, problem: { field: 'runner', message: '"Nijinsky" is not a runner in R1' } },
      }),
    )
    expect(await page.getByRole('alert').textContent()).toBe('Bet refused. Runner: "Nijinsky" is not a runner in R1')
    const runner = page.getByLabel('Runner', { exact: true })
    expect(await runner.inputValue()).toBe('Nijinsky')
    expect(await runner.getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('#bet-runner-error').textContent()).toBe('"Nijinsky" is not a runner in R1')
    expect(await runner.getAttribute('aria-describedby')).toBe('bet-runner-error')
    expect(await page.getByLabel('Each-way').isChecked()).toBe(true)
  })

  it('escapes a runner called <script>: shown as text, never run or parsed as markup', async () => {
    const markup = renderBetsPage({
      customer: '<b>x</b>',
      bets: [aBet({ legs: [{ event: 'R1', runner: '<script>alert(1)</script>', price: '5/1' }] })],
      events,
    })
    expect(markup.markup).toContain('&lt;script&gt;alert(1)&lt;/script&gt; at 5/1')
    expect(markup.markup).not.toContain('<script>')
    const page = await showMarkup(browser, markup)
    expect(await page.locator('main script, main b').count()).toBe(0)
    expect(await page.getByRole('table', { name: 'Open bets' }).getByRole('listitem').textContent()).toBe(
      '<script>alert(1)</script> at 5/1 in The National (R1)',
    )
    expect(await page.getByLabel('Customer').inputValue()).toBe('<b>x</b>')
  })
})
