import { eachFile, findPatterns, type LintRule, type TextPattern } from './lint-rule.ts'
import { textSegments } from './text-segments.ts'

const message = (what: string) => (found: string) =>
  `"${found}" is ${what}; name the thing the user sees, and leave finding it to the UI driver`

const htmlTags = 'div|span|input|button|li|ul|ol|td|tr|th|table|img|label|select|option|textarea|section|nav|h[1-6]'
const pseudoClasses =
  'nth-child|nth-of-type|first-child|last-child|not|has|has-text|contains|hover|focus|visible|checked|disabled'

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
  // div.card, button#pay
  { pattern: new RegExp(String.raw`\b(?:${htmlTags})[.#][A-Za-z_][\w-]*`, 'g'), message: message('a CSS selector') },
  // li:first-child, a:hover, [data-test=pay]:visible
  {
    pattern: new RegExp(String.raw`(?<=[\w\])])::?(?:${pseudoClasses})\b`, 'g'),
    message: message('a CSS pseudo-class'),
  },
]

/**
 * selector: CSS selectors (#id, .class, [data-test=…], div.card, :nth-child)
 * and XPath (//div[…]) anywhere in a spec's text, quoted or not.
 *
 * @example
 *   // When Alice presses "#place-bet"
 *   // specs/shop/bet.feature:9:22 selector "#place-bet" is a CSS id selector; …
 */
export const selectorRule: LintRule = {
  id: 'selector',
  severity: 'error',
  description: 'CSS selectors (#id, .class, [data-test=…]) and XPath (//div[…]) belong in the UI driver',
  check: eachFile((parsed) => findPatterns(textSegments(parsed), selectors)),
}
