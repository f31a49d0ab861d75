import { eachFile, type LintRule, type TextPattern } from './lint-rule.ts'
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
 * counts pass. A match inside a longer token (letters, digits, `-`, `_`) is
 * reported as the whole token: "OUE-RP-2022-000034", not "RP-2022".
 *
 * @example
 *   // Given alice@example.com opens an account
 *   // specs/shop/accounts.feature:7:11 literal-data "alice@example.com" looks like an e-mail address, …
 */
export const literalDataRule: LintRule = {
  id: 'literal-data',
  severity: 'warning',
  description: 'e-mails, UUIDs, long numbers, ids, URLs with a host: data that should come from aliasing',
  check: eachFile((parsed) =>
    textSegments(parsed).flatMap((segment) =>
      findWholeTokens(segment.text).map(({ start, found }) => ({
        line: segment.line,
        column: segment.column + start,
        message: found,
      })),
    ),
  ),
}

const tokenCharacter = /[\w-]/

// Each match widened to the token it sits in; where two matches overlap, the first pattern wins.
function findWholeTokens(text: string): { start: number; found: string }[] {
  const taken: [number, number][] = []
  const found: { start: number; found: string }[] = []
  for (const { pattern, message: say } of literals) {
    for (const match of text.matchAll(pattern)) {
      let start = match.index
      let end = start + match[0].length
      while (start > 0 && tokenCharacter.test(text[start - 1] ?? '')) start--
      while (end < text.length && tokenCharacter.test(text[end] ?? '')) end++
      if (taken.some(([from, to]) => start < to && end > from)) continue
      taken.push([start, end])
      found.push({ start, found: say(text.slice(start, end)) })
    }
  }
  return found.sort((a, b) => a.start - b.start)
}
