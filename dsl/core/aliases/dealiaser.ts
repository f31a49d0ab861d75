/**
 * Characters that make up one token. A real name is only replaced where it is
 * a whole token: not preceded or followed by one of these, so `alice-k3x9` is
 * left alone inside `malice-k3x9z` or `alice-k3x9_2`.
 */
const tokenChar = String.raw`[\p{L}\p{N}_-]`
// `.` and `@` join tokens only when a token character follows (`alice-k3x9.bob@x.test`),
// so a real name that ends a sentence (`... alice-k3x9.`) is still replaced.
const notAfterToken = String.raw`(?<!${tokenChar}|${tokenChar}[.@])`
// A percent-escape such as `%2F` ends in a token character but is a separator: `?next=%2Faccounts%2Falice-k3x9`.
const afterPercentEscape = String.raw`(?<=%[0-9a-f]{2})`
const notBeforeToken = String.raw`(?![.@]?${tokenChar})`

/**
 * Turns real names in a text back into the spec's names, token-exact, all
 * occurrences, longest real name first, in any text: prose, JSON strings, URL
 * paths, query strings and form bodies (also URL-encoded real names: names
 * with spaces, e-mail addresses). Case-insensitive, because a UI may show
 * `ALICE R7K2-X9Q2BZ`; the unique part makes an accidental match of another
 * word practically impossible. Compiled once into one regular expression:
 * cheap to run on large texts.
 *
 * @example
 *   const dealiaser = Dealiaser.compile([['Alice r7k2-x9q2bz', 'Alice']])
 *   dealiaser.dealias('GET /accounts/Alice%20r7k2-x9q2bz/bets?friend=Alice+r7k2-x9q2bz')
 *   // → 'GET /accounts/Alice/bets?friend=Alice'
 */
export class Dealiaser {
  private constructor(
    private readonly pattern: RegExp | undefined,
    private readonly specNames: ReadonlyMap<string, string>,
  ) {}

  /**
   * Compiles the pairs of real name and spec name into one dealiaser.
   *
   * @example
   *   Dealiaser.compile([['Alice r7k2-x9q2bz', 'Alice'], ['bob-r7k2-m4p8td', 'Bob']])
   *   Dealiaser.compile([]).dealias('anything') // 'anything'
   */
  static compile(pairs: Iterable<readonly [realName: string, specName: string]>): Dealiaser {
    const specNames = new Map<string, string>()
    for (const [realName, specName] of pairs) {
      if (realName === '' || realName === specName) continue
      // As written, as in a URL path (`Alice%20r7k2-x9q2bz`) and as in a query string or form (`Alice+r7k2-x9q2bz`).
      for (const form of [realName, encodeURIComponent(realName), formEncoded(realName)])
        specNames.set(form.toLowerCase(), specName)
    }
    if (specNames.size === 0) return new Dealiaser(undefined, specNames)
    const alternatives = [...specNames.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRegExp)
    const pattern = new RegExp(
      `(?:${afterPercentEscape}|${notAfterToken})(?:${alternatives.join('|')})${notBeforeToken}`,
      'giu',
    )
    return new Dealiaser(pattern, specNames)
  }

  /**
   * The text with every real name replaced by its spec name.
   *
   * @example
   *   const dealiaser = Dealiaser.compile([['Alice r7k2-x9q2bz', 'Alice']])
   *   dealiaser.dealias('{"punter":"Alice r7k2-x9q2bz"}') // '{"punter":"Alice"}'
   *   dealiaser.dealias('Alice r7k2-x9q2bzz') // unchanged: not a whole token
   */
  dealias(text: string): string {
    if (this.pattern === undefined) return text
    return text.replace(this.pattern, (realName) => this.specNames.get(realName.toLowerCase()) ?? realName)
  }
}

function formEncoded(text: string): string {
  return new URLSearchParams({ text }).toString().slice('text='.length)
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
}
