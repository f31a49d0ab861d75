/**
 * The candidate closest to `input` by edit distance (case-insensitive), if it
 * is close enough to be a likely typo; otherwise undefined.
 *
 * @example
 *   nearest('stak', ['punter', 'stake']) // 'stake'
 *   nearest('zzzz', ['punter', 'stake']) // undefined
 */
export function nearest(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase()
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  // A suggestion that changes more than about a third of the word is noise.
  const limit = Math.max(2, Math.ceil(needle.length / 3))
  return bestDistance <= limit ? best : undefined
}

/** Damerau–Levenshtein distance (optimal string alignment): a swap of two neighbours costs 1. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1
  const cols = b.length + 1
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
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
