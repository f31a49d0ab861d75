/**
 * The candidate closest to `input` by edit distance (case-insensitive), if it
 * is close enough to be a likely typo; otherwise the one candidate that starts
 * with `input` (3 letters or more), if only one does; otherwise undefined.
 *
 * @example
 *   nearest('stak', ['punter', 'stake']) // 'stake'
 *   nearest('zzzz', ['punter', 'stake']) // undefined
 */
export function nearest(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase()
  if (needle === '') return undefined
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase()
    const distance = editDistance(needle, lower)
    // More than one edit in four letters of the longer word is another word, not a typo: "Alice" is not "price".
    const limit = Math.max(1, Math.floor(Math.max(needle.length, lower.length) / 4))
    if (distance <= limit && distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  if (best !== undefined || needle.length < 3) return best
  const extensions = candidates.filter((candidate) => candidate.toLowerCase().startsWith(needle))
  return extensions.length === 1 ? extensions[0] : undefined
}

/**
 * Damerau–Levenshtein distance (optimal string alignment): each insertion,
 * deletion, substitution or swap of two neighbours costs 1.
 *
 * @example
 *   editDistance('stak', 'stake') // 1
 *   editDistance('tsake', 'stake') // 1
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1
  const cols = b.length + 1
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      const row = d[i]!
      const above = d[i - 1]!
      row[j] = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1)
      }
    }
  }
  return d[rows - 1]![cols - 1]!
}
