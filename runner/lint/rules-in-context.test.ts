import { describe, expect, it } from 'vitest'
import { runLint } from './lint-test-helpers.ts'
import { resolveRuleSettings } from './rule-settings.ts'
import { isSelector } from './selector-rule.ts'
import { wordListLanguages, wordListsFor } from './word-lists.ts'

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
    ['at 10 a.m. sharp', false],
  ])('isSelector(%j) is %s', (value, expected) => {
    expect(isSelector(value)).toBe(expected)
  })

  it('takes a lone #word for an id where the words before it ask for an element', () => {
    expect(isSelector('#main', true)).toBe(true)
    expect(isSelector('#main')).toBe(false)
  })
})

const ui = 'says how, through the UI; say what the user does or sees'
const wire = 'says how, over the wire; say what the system does or answers'
const call = 'says how, over the wire; say what the system does, not the HTTP call'

// The findings of one fixture of runner/lint/fixtures/context, as `line:column rule "word"`, and the exit code.
async function findingsOf(name: string): Promise<{ found: string[]; code: number }> {
  const { code, stdout } = await runLint([fixture(name)])
  const found = stdout
    .split('\n')
    .filter((line) => line.startsWith(fixture(name)))
    .map((line) => line.slice(fixture(name).length + 1))
  return { found, code }
}

describe('transport-words: a word is transport only in a transport phrase', () => {
  it('flags "post request", "response header", "Authorization header", "status code 404", "query string"', async () => {
    // "the shop's URL", "header image", "page header" (UI, not transport) and "300 requests arrive" pass.
    expect(await findingsOf('transport-words')).toEqual({
      found: [
        `8:15 ui-words "page" ${ui}`,
        `9:26 transport-words "post request" ${call}`,
        `10:16 transport-words "response header" ${wire}`,
        `11:15 transport-words "Authorization header" ${wire}`,
        `12:26 transport-words "status code 404" ${wire}`,
        `12:50 transport-words "query string" ${wire}`,
      ],
      code: 1,
    })
  })
})

describe('word rules that read quoted values: a URL path to go to, a quoted HTTP verb, a quoted header name', () => {
  it('flags "/catalogue/index.html", "am on", "GET" request, the header "Content-Type", "Accept" header', async () => {
    // A page header is UI ("page"), not transport; a page titled "About" and 3 pages of books are content.
    expect(await findingsOf('quoted')).toEqual({
      found: [
        `7:22 ui-words "/catalogue/index.html" ${ui}`,
        `8:13 ui-words "am on" ${ui}`,
        `9:22 transport-words "GET" ${call}`,
        `10:16 transport-words "header" ${wire}`,
        `11:26 transport-words "header" ${wire}`,
        `12:15 ui-words "page" ${ui}`,
      ],
      code: 1,
    })
  })
})

describe('ui-words: the how-phrases of Capybara-style suites', () => {
  it('flags press "…", I follow "…", fill out, redirected to, icon, the Enter key, submitting a form', async () => {
    // "Alice follows "Bob"" is the domain of a social network and passes: only "I follow "…"" is Capybara's step.
    expect(await findingsOf('ui-words')).toEqual({
      found: [
        `7:15 ui-words "fill out" ${ui}`,
        `8:14 ui-words "press" ${ui}`,
        `9:13 ui-words "follow" ${ui}`,
        `10:13 ui-words "select" ${ui}`,
        `11:13 ui-words "check" ${ui}`,
        `12:24 ui-words "redirected to" ${ui}`,
        `13:26 ui-words "icon" ${ui}`,
        `14:17 ui-words "presses the Enter key" ${ui}`,
        `16:17 ui-words "submits the sign up form" ${ui}`,
      ],
      code: 1,
    })
  })

  it('reads the first cell of every row of a two-column (field | value) table as a name', async () => {
    expect(await findingsOf('vertical-table')).toEqual({
      found: [`9:17 ui-words "field" ${ui}`, `10:20 ui-words "field" ${ui}`],
      code: 1,
    })
  })
})

describe('word rules in the language of the file (# language:)', () => {
  it.each([
    [
      'french',
      [
        `8:13 ui-words "je clique sur" ${ui}`,
        `8:30 ui-words "bouton" ${ui}`,
        `9:10 ui-words "j'appuie sur" ${ui}`,
        `10:29 transport-words "code de statut 201" ${wire}`,
        `11:12 transport-words "en-tête de la réponse" ${wire}`,
      ],
    ],
    [
      'german',
      [
        `8:12 ui-words "ich klicke auf" ${ui}`,
        `8:31 ui-words "Schaltfläche" ${ui}`,
        `9:26 transport-words "Endpunkt" ${wire}`,
        `9:43 transport-words "Statuscode 201" ${wire}`,
        `10:40 ui-words "Startseite" ${ui}`,
        // German joins nouns with a hyphen: Popup-Fenster, Login-Button.
        `11:25 ui-words "Popup" ${ui}`,
        `11:53 ui-words "Button" ${ui}`,
      ],
    ],
    [
      'spanish',
      [
        `8:14 ui-words "hago clic en" ${ui}`,
        `8:30 ui-words "botón" ${ui}`,
        `9:38 transport-words "código de estado 201" ${wire}`,
        `10:33 ui-words "pantalla" ${ui}`,
      ],
    ],
    // A language without lists of its own gets the English ones: "clicca il pulsante" passes, "status code" does not.
    ['italian', [`9:38 transport-words "status code 201" ${wire}`]],
  ])('%s', async (name, found) => {
    expect(await findingsOf(name)).toEqual({ found, code: 1 })
  })
})

describe('wordListsFor', () => {
  it('has lists for English, French, German and Spanish, picks them by the code before a hyphen, else English', () => {
    expect(wordListLanguages).toEqual(['en', 'fr', 'de', 'es'])
    expect(wordListsFor('fr-CA')).toBe(wordListsFor('fr'))
    expect(wordListsFor('en-au')).toBe(wordListsFor('en'))
    expect(wordListsFor('it')).toBe(wordListsFor('en'))
    expect(wordListsFor('de')).not.toBe(wordListsFor('en'))
  })
})

describe('the glossary: domain words that look like UI or transport words', () => {
  const glossaryFeature = 'runner/lint/fixtures/glossary/shop/catalogue.feature'

  it('stops flagging the phrases of lint.glossary, in any case and in the plural', async () => {
    const without = await runLint([glossaryFeature])
    expect(without.stdout).toBe(
      [
        `${glossaryFeature}:7:15 ui-words "textarea" ${ui}`,
        `${glossaryFeature}:7:58 ui-words "Menu" ${ui}`,
        `${glossaryFeature}:9:28 ui-words "menu" ${ui}`,
        'ui-words 3',
        '3 errors, 0 warnings in 1 file',
        '',
      ].join('\n'),
    )
    const { code, stdout } = await runLint(['--config', 'runner/lint/fixtures/glossary/parlance.config.ts'])
    expect(stdout).toBe(`${glossaryFeature}:9:28 ui-words "menu" ${ui}\nui-words 1\n1 error, 0 warnings in 1 file\n`)
    expect(code).toBe(1)
  })

  it('refuses a glossary that is not a list of words and phrases, naming the entry', () => {
    const example = `e.g. ['menu taxon', 'header image']`
    expect(() => resolveRuleSettings({ glossary: 'menu taxon' as unknown as string[] }, 'parlance.config.ts')).toThrow(
      `parlance.config.ts is not valid:\n  • lint.glossary is "menu taxon"; expected a list of the domain's words ` +
        `and phrases that the word rules must not flag, ${example}`,
    )
    expect(() => resolveRuleSettings({ glossary: ['menu taxon', ' ', 3 as unknown as string] }, 'x')).toThrow(
      `x is not valid:\n  • lint.glossary[1] is " "; expected a word or phrase of the domain, ${example}\n` +
        `  • lint.glossary[2] is 3; expected a word or phrase of the domain, ${example}`,
    )
    expect(() => resolveRuleSettings({ glosary: [] } as never, 'x')).toThrow(
      'lint.glosary is not a known key — did you mean "glossary"? Allowed: rules, glossary',
    )
  })
})
