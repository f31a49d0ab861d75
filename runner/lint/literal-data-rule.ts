import { eachFile, findPatterns, type LintRule, type TextPattern } from './lint-rule.ts'
import { textSegments } from './text-segments.ts'

const message = (what: string) => (found: string) =>
  `"${found}" looks like ${what}, real data that bypasses aliasing; name it in the spec's words and let the ` +
  `aliasing layer make the real value`

// Money (£10.50, 1050p), odds (5/2), times (2:35), dates and small counts are the spec's own data and pass.
const literals: TextPattern[] = [
  { pattern: /\b[A-Za-z][\w+.-]*:\/\/[^\s"'<>|]+/g, message: message('a URL') },
  { pattern: /\bwww\.[\w-]+(?:\.[\w-]+)+\b/g, message: message('a URL') },
  { pattern: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, message: message('an e-mail address') },
  { pattern: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, message: message('a UUID') },
  { pattern: /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, message: message('an IP address') },
  { pattern: /\b(?:localhost|[\w-]+(?:\.[\w-]+)+):\d{2,5}\b/g, message: message('a host and port') },
  // alice-k3x9q2: a name the aliasing layer would have made
  { pattern: /\b[a-z]+-(?=[a-z]*\d)(?=\d*[a-z])[a-z\d]{5,}\b/g, message: message('a generated name') },
  { pattern: /\b(?=[a-f\d]*[a-f])(?=[a-f]*\d)[a-f\d]{12,}\b/gi, message: message('a generated id') },
  { pattern: /\b[A-Za-z]{2,}[-_]\d{4,}\b/g, message: message('an id') },
  { pattern: /(?<![\w£$€.,/:-])\d{6,}(?![\w.,/:%])/g, message: message('an id (a long number)') },
]

/**
 * literal-data: e-mail addresses, UUIDs, long numbers and ids, URLs with a
 * host, IP addresses and generated-looking names — values that should come
 * from aliasing, not be written in the spec. Money, odds, times and small
 * counts pass.
 *
 * @example
 *   // Given alice@example.com opens an account
 *   // specs/shop/accounts.feature:7:11 literal-data "alice@example.com" looks like an e-mail address, …
 */
export const literalDataRule: LintRule = {
  id: 'literal-data',
  severity: 'warning',
  description: 'e-mails, UUIDs, long numbers, ids, URLs with a host: data that should come from aliasing',
  check: eachFile((parsed) => findPatterns(textSegments(parsed), literals)),
}
