import { describe, expect, it } from 'vitest'
import { runLint } from './lint-test-helpers.ts'
import { isSelector } from './selector-rule.ts'

const fixture = (name: string) => `runner/lint/fixtures/context/${name}.feature`
const leaveIt = 'name the thing the user sees, and leave finding it to the UI driver'

describe('selector: a quoted value, a cell or a doc-string line is data unless it parses as a selector', () => {
  it('flags selectors and passes hashtags, file names and prose', async () => {
    const { code, stdout } = await runLint([fixture('selector')])
    expect(stdout).toBe(
      [
        `${fixture('selector')}:9:50 selector "#promotions" is a CSS id selector; ${leaveIt}`,
        `${fixture('selector')}:10:28 selector ".promo-card" is a CSS class selector; ${leaveIt}`,
        `${fixture('selector')}:10:50 selector "//section[@id='promos']" is an XPath; ${leaveIt}`,
        `${fixture('selector')}:13:11 selector "div.card" is a CSS selector; ${leaveIt}`,
        'selector 4',
        '4 errors, 0 warnings in 1 file',
        '',
      ].join('\n'),
    )
    expect(code).toBe(1)
  })

  it.each([
    ['#pay-button', true],
    ['.btn-primary', true],
    ['//div[@id]', true],
    ['(//a)[2]', true],
    ['css=.pay', true],
    ['#open-bets .bet-row', true],
    ['div.card > a:first-child', true],
    ['[data-test=pay]', true],
    ['#teamIronMan promotion', false],
    ['#teamIronMan', false],
    ['button.png', false],
    ['report.html', false],
    ['#1', false],
    ['e.g.', false],
    ['/users/sign_in', false],
    ['Place bet', false],
    ['.NET developers', false],
  ])('isSelector(%j) is %s', (value, expected) => {
    expect(isSelector(value)).toBe(expected)
  })

  it('takes a lone #word for an id where the words before it ask for an element', () => {
    expect(isSelector('#main', true)).toBe(true)
    expect(isSelector('#main')).toBe(false)
  })
})
