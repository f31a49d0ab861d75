import type { RawFinding } from './finding.ts'
import { eachFile, type LintRule, type TextPattern } from './lint-rule.ts'
import { quotedSpans, type TextSegment, textSegments, withoutQuotes } from './text-segments.ts'

const message = (what: string) => (found: string) =>
  `"${found}" is ${what}; name the thing the user sees, and leave finding it to the UI driver`

const htmlTags = 'div|span|input|button|li|ul|ol|td|tr|th|table|img|label|select|option|textarea|section|nav|h[1-6]'
// In a whole value that parses as CSS, "a" and "form" are tags too; in prose "a.m." is a time.
const cssTags = `${htmlTags}|a|form`
const pseudoClasses =
  'nth-child|nth-of-type|first-child|last-child|not|has|has-text|contains|hover|focus|visible|checked|disabled'
// button.png, report.html: a file name, not a tag with a class.
const fileExtensions =
  'png|jpe?g|gif|svg|webp|ico|bmp|pdf|csv|tsv|txt|md|html?|xml|json|ya?ml|zip|gz|tar|docx?|xlsx?|pptx?|odt|ods|' +
  'mp3|mp4|mov|avi|wav|js|ts|css|rb|py|java|exe'

const selectors: TextPattern[] = [
  // XPath: //div, //*[@id='x']; the "//" of a URL follows a colon and is not one.
  { pattern: /(?<![:\w/])\/\/(?:[A-Za-z][\w-]*|\*)(?:\[[^\]]*\])?/g, message: message('an XPath') },
  { pattern: /\b(?:css|xpath)=\S+/g, message: message('a selector') },
  // [data-test=pay], [name="stake"], [data-testid]
  { pattern: /\[(?:data-[\w-]+|[A-Za-z][\w-]*\s*[~|^$*]?=)[^\]]*\]/g, message: message('a CSS attribute selector') },
  // #pay-button, but not "#1" (no CSS id starts with a digit)
  { pattern: /(?<![\w&#/])#[A-Za-z_][\w-]*/g, message: message('a CSS id selector') },
  // .btn-primary, but not "e.g." or "10.50" or "report.html"
  { pattern: /(?<![\w.)\]/])\.[A-Za-z_][\w-]*(?![\w.])/g, message: message('a CSS class selector') },
  // div.card, button#pay, but not button.png
  {
    pattern: new RegExp(
      String.raw`\b(?:${htmlTags})(?:#[A-Za-z_][\w-]*|\.(?!(?:${fileExtensions})\b)[A-Za-z_][\w-]*)`,
      'g',
    ),
    message: message('a CSS selector'),
  },
  // li:first-child, a:hover, [data-test=pay]:visible
  {
    pattern: new RegExp(String.raw`(?<=[\w\])])::?(?:${pseudoClasses})\b`, 'g'),
    message: message('a CSS pseudo-class'),
  },
]

const ident = String.raw`-?[A-Za-z_][\w-]*`
const part =
  String.raw`#${ident}|\.${ident}|\[\s*(?:data-[\w-]+|[A-Za-z][\w-]*\s*[~|^$*]?=)[^\]]*\]|` +
  String.raw`::?(?:${pseudoClasses})(?:\([^)]*\))?`
const compound = String.raw`(?:(?:${cssTags}|\*)(?:${part})*|(?:${part})+)`
const cssSelector = new RegExp(String.raw`^${compound}(?:\s*[>+~,]\s*${compound}|\s+${compound})*$`)
const hasPart = new RegExp(part)
const xpath = /^\(*\.{0,2}\/\/(?:[A-Za-z][\w-]*(?::[\w-]+)?|\*|@[\w-]+)|^(?:css|xpath)=\S/
const fileName = new RegExp(String.raw`^[\w-]+\.(?:${fileExtensions})$`, 'i')
const hashtag = /^#[A-Za-z][A-Za-z\d]*$/
// "within "#main"": words before a quoted value that make it a selector.
const selectorContext = /\b(?:within|inside|element|selector|locator|css)\s*$/i

/**
 * Whether a whole value — a quoted string, a table cell, a doc-string line —
 * is a selector: an XPath (//div[@id], (//a)[2]), `css=…`/`xpath=…`, or CSS
 * that parses as one, with at least one id, class, attribute or pseudo-class
 * (#pay-button, .btn-primary, div.card > a, [data-test=pay]). A file name
 * (button.png) is not one, nor a hashtag alone (#teamIronMan) unless `inContext`
 * (the words before it ask for an element: within, inside, selector, …).
 *
 * @example
 *   isSelector('#pay-button') // true
 *   isSelector('#teamIronMan promotion') // false
 *   isSelector('button.png') // false
 */
export function isSelector(value: string, inContext = false): boolean {
  const text = value.trim()
  if (xpath.test(text)) return true
  if (fileName.test(text) || (!inContext && hashtag.test(text))) return false
  return cssSelector.test(text) && hasPart.test(text)
}

/**
 * selector: CSS selectors (#id, .class, [data-test=…], div.card, :nth-child)
 * and XPath (//div[…]) in a spec's own words, and quoted values, table cells
 * and doc-string lines that are, as a whole, a selector (see isSelector).
 * "#teamIronMan promotion" and "button.png" are data and pass.
 *
 * @example
 *   // When Alice presses "#place-bet"
 *   // specs/shop/bet.feature:9:22 selector "#place-bet" is a CSS id selector; …
 */
export const selectorRule: LintRule = {
  id: 'selector',
  severity: 'error',
  description: 'CSS selectors (#id, .class, [data-test=…]) and XPath (//div[…]) belong in the UI driver',
  check: eachFile((parsed) => textSegments(parsed).flatMap(selectorFindings)),
}

function selectorFindings(segment: TextSegment): RawFinding[] {
  if (segment.kind !== 'step' && segment.kind !== 'name') {
    const start = segment.text.length - segment.text.trimStart().length
    return isSelector(segment.text) ? partsOf(segment.text.trim(), segment, start) : []
  }
  const own = withoutQuotes(segment.text)
  return [
    ...findIn(own, segment.text, segment, 0),
    ...quotedSpans(segment.text).flatMap(({ start, text }) =>
      isSelector(text, selectorContext.test(segment.text.slice(0, start - 1))) ? partsOf(text, segment, start) : [],
    ),
  ]
}

// The selector's parts as the patterns find them; the whole value if none does.
function partsOf(value: string, segment: TextSegment, start: number): RawFinding[] {
  const found = findIn(value, value, segment, start)
  if (found.length > 0) return found
  return [{ line: segment.line, column: segment.column + start, message: message('a CSS selector')(value) }]
}

// Matches in `searched` (the text with quotes blanked, or the value), quoted from `original`.
function findIn(searched: string, original: string, segment: TextSegment, offset: number): RawFinding[] {
  const taken: [number, number][] = []
  const findings: RawFinding[] = []
  for (const { pattern, message: say } of selectors) {
    for (const match of searched.matchAll(pattern)) {
      const from = match.index
      const to = from + match[0].length
      if (taken.some(([a, b]) => from < b && to > a)) continue
      taken.push([from, to])
      findings.push({
        line: segment.line,
        column: segment.column + offset + from,
        message: say(original.slice(from, to)),
      })
    }
  }
  return findings.sort((a, b) => a.column - b.column)
}
