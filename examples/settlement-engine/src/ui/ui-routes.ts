/** A request the UI answers, with the ids its path carries (decoded). */
export type UiRoute =
  | { name: 'home' }
  | { name: 'find customer' }
  | { name: 'my bets'; customer: string }
  | { name: 'place bet'; customer: string }
  | { name: 'trader' }
  | { name: 'create event' }
  | { name: 'event'; event: string }
  | { name: 'withdraw runner' | 'declare result' | 'void race'; event: string }
  | { name: 'method not allowed'; allow: string }
  | { name: 'bad path' }

const PATHS: ReadonlyArray<{ pattern: RegExp; get?: (id: string) => UiRoute; post?: (id: string) => UiRoute }> = [
  { pattern: /^\/$/, get: () => ({ name: 'home' }) },
  { pattern: /^\/customers$/, get: () => ({ name: 'find customer' }) },
  {
    pattern: /^\/customers\/([^/]+)$/,
    get: (customer) => ({ name: 'my bets', customer }),
    post: (customer) => ({ name: 'place bet', customer }),
  },
  { pattern: /^\/trader$/, get: () => ({ name: 'trader' }) },
  { pattern: /^\/trader\/events$/, post: () => ({ name: 'create event' }) },
  { pattern: /^\/trader\/events\/([^/]+)$/, get: (event) => ({ name: 'event', event }) },
  { pattern: /^\/trader\/events\/([^/]+)\/withdrawals$/, post: (event) => ({ name: 'withdraw runner', event }) },
  { pattern: /^\/trader\/events\/([^/]+)\/result$/, post: (event) => ({ name: 'declare result', event }) },
  { pattern: /^\/trader\/events\/([^/]+)\/void$/, post: (event) => ({ name: 'void race', event }) },
]

/**
 * The UI route a method and path name, or undefined when the path is not
 * the UI's (the API answers it). A UI path with another method is "method
 * not allowed"; a path segment that is not valid percent-encoding, "bad path".
 *
 * @example
 *   matchUiRoute('GET', '/customers/alice%20smith') // { name: 'my bets', customer: 'alice smith' }
 *   matchUiRoute('GET', '/customers/Zoe%CC%88') // { name: 'my bets', customer: 'Zoë' } (NFC)
 *   matchUiRoute('GET', '/bets/B1') // undefined
 */
export function matchUiRoute(method: string, pathname: string): UiRoute | undefined {
  for (const path of PATHS) {
    const match = path.pattern.exec(pathname)
    if (!match) continue
    const make = method === 'GET' || method === 'HEAD' ? path.get : method === 'POST' ? path.post : undefined
    if (!make)
      return {
        name: 'method not allowed',
        allow: [path.get ? 'GET, HEAD' : '', path.post ? 'POST' : ''].filter(Boolean).join(', '),
      }
    let id = ''
    try {
      // Ids are stored NFC-normalised (see checkName), as the API reads them: "Zoe%CC%88" finds "Zoë".
      id = decodeURIComponent(match[1] ?? '').normalize('NFC')
    } catch {
      return { name: 'bad path' }
    }
    return make(id)
  }
  return undefined
}

/**
 * A customer's "My bets" path, with the name encoded.
 *
 * @example
 *   customerPath('alice smith') // '/customers/alice%20smith'
 */
export function customerPath(customer: string): string {
  return `/customers/${encodeURIComponent(customer)}`
}

/**
 * An event's trader page, which its forms post under.
 *
 * @example
 *   eventPath('R 1') // '/trader/events/R%201'
 */
export function eventPath(event: string): string {
  return `/trader/events/${encodeURIComponent(event)}`
}
