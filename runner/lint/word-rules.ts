import { eachFile, findPatterns, type LintRule, type RuleOption, type TextPattern } from './lint-rule.ts'
import { textSegments, withoutQuotes } from './text-segments.ts'

const uiWords = [
  String.raw`(?:double-|right-)?click(?:s|ed|ing)?`,
  String.raw`buttons?`,
  String.raw`fields?`,
  String.raw`(?:web )?pages?`,
  String.raw`links?`,
  String.raw`check ?box(?:es)?`,
  String.raw`drop-?downs?`,
  String.raw`(?:select|combo|text|input|list) ?box(?:es)?`,
  String.raw`text ?areas?`,
  String.raw`screens?`,
  String.raw`tabs?`,
  String.raw`menus?`,
  String.raw`modals?`,
  String.raw`pop-?ups?`,
  String.raw`dialog(?:ue)?s?`,
  String.raw`scroll(?:s|ed|ing)?`,
  String.raw`hover(?:s|ed|ing)?`,
  String.raw`navigat(?:e|es|ed|ing)`,
  String.raw`browsers?`,
  String.raw`(?:fill(?:s|ed)?|typ(?:e|es|ed)) (?:in|into)`,
]

// What follows a status code: "201 Created", "404 Not Found", "a 500 error".
const statusPhrases = [
  String.raw`OK|Created|Accepted|No Content|Moved Permanently|Found|See Other|Not Modified`,
  String.raw`Bad Request|Unauthori[sz]ed|Forbidden|Not Found|Method Not Allowed|Conflict|Gone`,
  String.raw`Unprocessable (?:Entity|Content)|Too Many Requests`,
  String.raw`Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout`,
  String.raw`errors?|responses?`,
].join('|')

// "request" alone is not here: for a load balancer, "requests arrive" is the domain, not the transport.
const transportWords = [
  String.raw`(?:status|response|error) codes?`,
  String.raw`HTTPS?(?:\/[\d.]+)?(?!:\/\/)`,
  String.raw`end-?points?`,
  String.raw`URLs?`,
  String.raw`URIs?`,
  String.raw`JSON`,
  String.raw`XML`,
  String.raw`headers?`,
  String.raw`payloads?`,
  String.raw`(?:request|response) bod(?:y|ies)`,
  String.raw`query (?:strings?|param(?:eter)?s?)`,
  String.raw`cookies?`,
  String.raw`localhost`,
  String.raw`webhooks?`,
  String.raw`GraphQL`,
  String.raw`gRPC`,
  String.raw`[1-5]\d\d (?:${statusPhrases})`,
]

// Upper case only: "Alice gets paid" is prose, "GET /bets" and "a DELETE" are HTTP.
const httpVerbs = String.raw`\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b(?: \/\S*)?`

const allow: RuleOption = {
  defaultValue: [],
  accepts: `a list of words not to flag, e.g. ['page']`,
  isValid: (value) => Array.isArray(value) && value.every((word) => typeof word === 'string'),
}

/**
 * ui-words: names, steps and table headers that say how, through a UI —
 * click, button, field, page, link, checkbox, dropdown, screen, tab, … .
 * Quoted text is data the spec quotes, and is not checked.
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
  check: wordCheck([
    {
      pattern: wordsPattern(uiWords, 'gi'),
      message: (word) => `"${word}" says how, through the UI; say what the user does or sees`,
    },
  ]),
}

/**
 * transport-words: names, steps and table headers that say how, over the
 * wire — URL, endpoint, status code, JSON, XML, header, payload, request body,
 * HTTP verbs in capitals (GET /bets), "404 Not Found". Plain "request" and
 * "service unavailable" are domain words for a load balancer and pass.
 *
 * @example
 *   // Then the endpoint answers status code 201
 *   // specs/shop/bet.feature:12:14 transport-words "endpoint" says how, over the wire; …
 */
export const transportWordsRule: LintRule = {
  id: 'transport-words',
  severity: 'error',
  description:
    'transport words (URL, endpoint, status code, JSON, XML, header, payload, request body, GET /…) say how, not what',
  options: { allow },
  check: wordCheck([
    {
      pattern: new RegExp(httpVerbs, 'g'),
      message: (word) => `"${word}" says how, over the wire; say what the system does, not the HTTP call`,
    },
    {
      pattern: wordsPattern(transportWords, 'gi'),
      message: (word) => `"${word}" says how, over the wire; say what the system does or answers`,
    },
  ]),
}

function wordsPattern(words: readonly string[], flags: string): RegExp {
  return new RegExp(String.raw`(?<![\w-])(?:${words.join('|')})(?![\w-])`, flags)
}

function wordCheck(patterns: TextPattern[]): LintRule['check'] {
  return eachFile((parsed, options) => {
    const allowed = new Set((options.allow as string[]).map((word) => word.toLowerCase()))
    const segments = textSegments(parsed).filter(
      (segment) => segment.kind === 'name' || segment.kind === 'step' || segment.kind === 'header',
    )
    return findPatterns(segments, patterns, withoutQuotes).filter((finding) => {
      const word = /^"([^"]+)"/.exec(finding.message)?.[1]?.toLowerCase()
      return word === undefined || !allowed.has(word)
    })
  })
}
