import { eachFile, findPatterns, type LintRule, type RuleOption, type TextPattern } from './lint-rule.ts'
import { textSegments, withoutQuotes } from './text-segments.ts'
import { type WordLists, wordListsFor } from './word-lists.ts'

// Upper case only: "Alice gets paid" is prose, "GET /bets" and "a DELETE" are HTTP.
const httpVerbs = /\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b(?: \/\S*)?/g
// A quoted verb before a request: I send a "GET" request, a "POST" call, eine "PUT" Anfrage.
const quotedHttpVerbs =
  /(?<=")(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)(?=" (?:requests?|calls?|anfragen?|petici[oó]n|solicitud))/giu

const allow: RuleOption = {
  defaultValue: [],
  accepts: `a list of words not to flag, e.g. ['page']`,
  isValid: (value) => Array.isArray(value) && value.every((word) => typeof word === 'string'),
}

const uiMessage = (word: string) => `"${word}" says how, through the UI; say what the user does or sees`
const callMessage = (word: string) => `"${word}" says how, over the wire; say what the system does, not the HTTP call`
const transportMessage = (word: string) => `"${word}" says how, over the wire; say what the system does or answers`

/**
 * ui-words: names, steps and table headers (the first row, and the first
 * column of a two-column table) that say how, through a UI — click, button,
 * field, page, link, checkbox, dropdown, screen, tab, icon, "press "Share"",
 * "fill out", "redirected to", … — in the file's `# language:` (English,
 * French, German, Spanish; English for any other). Quoted text is data the
 * spec quotes, and the project's glossary (`lint.glossary`) names domain
 * words; neither is checked.
 *
 * @example
 *   // When Alice clicks the "Place bet" button
 *   // specs/shop/bet.feature:9:18 ui-words "clicks" says how, through the UI; …
 */
export const uiWordsRule: LintRule = {
  id: 'ui-words',
  severity: 'error',
  description: 'UI words (click, button, field, page, link, checkbox, dropdown, screen, tab, …) say how, not what',
  options: { allow },
  readsGlossary: true,
  check: wordCheck(
    (lists) => [{ pattern: wordsPattern(lists.ui, lists), message: uiMessage }],
    (lists) => [{ pattern: wordsPattern(lists.uiQuoted, lists), message: uiMessage }],
  ),
}

/**
 * transport-words: names, steps and table headers that say how, over the
 * wire, in a transport phrase — status code 404, response header, the
 * Authorization header, a POST request, query string, request body, endpoint,
 * JSON, XML, HTTP verbs in capitals (GET /bets), "404 Not Found" — in the
 * file's `# language:`. A word alone is not transport: "header" (a page
 * header, a header image), "URL" (a shop's URL as content), "request" (a load
 * balancer's requests) pass.
 *
 * @example
 *   // Then the endpoint answers status code 201
 *   // specs/shop/bet.feature:12:14 transport-words "endpoint" says how, over the wire; …
 */
export const transportWordsRule: LintRule = {
  id: 'transport-words',
  severity: 'error',
  description:
    'transport phrases (status code 404, response header, POST request, query string, endpoint, JSON, GET /…) ' +
    'say how, not what',
  options: { allow },
  readsGlossary: true,
  check: wordCheck(
    (lists) => [
      { pattern: wordsPattern(lists.httpCall, lists), message: callMessage },
      { pattern: httpVerbs, message: callMessage },
      { pattern: wordsPattern(lists.transport, lists), message: transportMessage },
    ],
    (lists) => [
      { pattern: quotedHttpVerbs, message: callMessage },
      { pattern: wordsPattern(lists.transportQuoted, lists), message: transportMessage },
    ],
  ),
}

const letter = String.raw`[\p{L}\p{N}_-]`
const letterNotHyphen = String.raw`[\p{L}\p{N}_]`

// Whole words: a letter, digit, _ or - on either side makes a longer word — but in a language that joins
// nouns with a hyphen (German "Login-Button", "Popup-Fenster"), a hyphen is where a word starts or ends.
function wordsPattern(words: readonly string[], lists: WordLists): RegExp {
  // An empty list matches nothing.
  if (words.length === 0) return /(?!)/g
  const edge = lists.hyphenatedCompounds ? letterNotHyphen : letter
  return new RegExp(String.raw`(?<!${edge})(?:${words.join('|')})(?!${edge})`, 'giu')
}

/**
 * The project's glossary as one pattern: each entry a whole phrase, any case,
 * any run of spaces between its words, with an optional plural s; undefined
 * for an empty glossary.
 *
 * @example
 *   glossaryPattern(['menu taxon'])?.test('the Menu  Taxons are') // true
 */
export function glossaryPattern(glossary: readonly string[]): RegExp | undefined {
  const phrases = glossary
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) =>
      entry
        .split(/\s+/)
        .map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
        .join(String.raw`\s+`),
    )
  if (phrases.length === 0) return undefined
  return new RegExp(String.raw`(?<!${letter})(?:${phrases.join('|')})(?:e?s)?(?!${letter})`, 'giu')
}

// `unquoted` patterns see the text with its quoted strings blanked, `quoted` ones see them; both skip the glossary.
function wordCheck(
  unquoted: (lists: WordLists) => TextPattern[],
  quoted: (lists: WordLists) => TextPattern[],
): LintRule['check'] {
  // The patterns of each language are made once: the lists never change.
  const byLanguage = new Map<string, { unquoted: TextPattern[]; quoted: TextPattern[] }>()
  return eachFile((parsed, options) => {
    const language = parsed.document?.feature?.language ?? 'en'
    let patterns = byLanguage.get(language)
    if (!patterns) {
      const lists = wordListsFor(language)
      patterns = { unquoted: unquoted(lists), quoted: quoted(lists) }
      byLanguage.set(language, patterns)
    }
    const allowed = new Set((options.allow as string[]).map((word) => word.toLowerCase()))
    const glossary = glossaryPattern((options.glossary as string[] | undefined) ?? [])
    const withoutGlossary = (text: string) =>
      glossary ? text.replace(glossary, (found) => ' '.repeat(found.length)) : text
    const segments = textSegments(parsed).filter(
      (segment) => segment.kind === 'name' || segment.kind === 'step' || segment.kind === 'header',
    )
    const found = findPatterns(segments, patterns.unquoted, (text) => withoutGlossary(withoutQuotes(text)))
    const inQuotes = findPatterns(segments, patterns.quoted, withoutGlossary).filter(
      (finding) => !found.some((other) => other.line === finding.line && other.column === finding.column),
    )
    return [...found, ...inQuotes].filter((finding) => {
      const word = /^"([^"]+)"/.exec(finding.message)?.[1]?.toLowerCase()
      return word === undefined || !allowed.has(word)
    })
  })
}
