import { secretHeadersEnvName, secretNames, secretQueryParametersEnvName, type SecretNames } from './secret-names.ts'

const mask = '****'

// Shorter values (a cookie `n=1`) would mask unrelated text all over a recorded body.
const minimumSecretLength = 6

/**
 * Whether a header carries a credential whose value a report must not show:
 * one of the defaults (`authorization`, `cookie`, `x-api-key`, …) or a header
 * named in the config's `secrets.headers`.
 *
 * @example
 *   isSecretHeader('Authorization') // true
 *   isSecretHeader('content-type') // false
 */
export function isSecretHeader(name: string, names: SecretNames = secretNames()): boolean {
  return names.headers.includes(name.toLowerCase())
}

/**
 * A header value with its credentials replaced by `****`, keeping what helps
 * debugging: the auth scheme, cookie names and Set-Cookie attributes. Any
 * other secret header is masked whole; a header that is not secret is kept.
 *
 * @example
 *   maskHeaderValue('Authorization', 'Bearer eyJhbGci') // 'Bearer ****'
 *   maskHeaderValue('Set-Cookie', 'sid=abc123; Path=/; HttpOnly') // 'sid=****; Path=/; HttpOnly'
 *   maskHeaderValue('X-Api-Key', 'k-123456') // '****'
 */
export function maskHeaderValue(name: string, value: string, names: SecretNames = secretNames()): string {
  switch (name.toLowerCase()) {
    case 'authorization':
    case 'proxy-authorization': {
      const scheme = /^(\S+)\s+\S/.exec(value)?.[1]
      return scheme ? `${scheme} ${mask}` : mask
    }
    case 'cookie':
      return value
        .split(';')
        .map((pair) => maskCookiePair(pair))
        .join(';')
    case 'set-cookie': {
      const [pair = '', ...attributes] = value.split(';')
      return [maskCookiePair(pair), ...attributes].join(';')
    }
    default:
      return isSecretHeader(name, names) ? mask : value
  }
}

/**
 * The credential values in a header, to be masked wherever else they appear
 * (a token echoed in a body, a session id in a later URL).
 *
 * @example
 *   secretsInHeader('Authorization', 'Bearer eyJhbGci') // ['eyJhbGci']
 *   secretsInHeader('Cookie', 'sid=abc123; theme=dark') // ['abc123']
 */
export function secretsInHeader(name: string, value: string, names: SecretNames = secretNames()): string[] {
  const lower = name.toLowerCase()
  let secrets: string[] = []
  if (lower === 'authorization' || lower === 'proxy-authorization') secrets = [value.replace(/^\S+\s+/, '').trim()]
  else if (lower === 'cookie') secrets = value.split(';').map(cookieValue)
  else if (lower === 'set-cookie') secrets = [cookieValue(value.split(';')[0] ?? '')]
  else if (isSecretHeader(lower, names)) secrets = [value.trim()]
  return secrets.filter((secret) => secret.length >= minimumSecretLength)
}

/**
 * A text with every occurrence of the given secrets replaced by `****`.
 *
 * @example
 *   maskText('{"token":"eyJhbGci"}', ['eyJhbGci']) // '{"token":"****"}'
 *   maskText('no secrets here', []) // 'no secrets here'
 */
export function maskText(text: string, secrets: Iterable<string>): string {
  // Longest first, so a secret containing another is masked whole.
  const ordered = [...new Set(secrets)]
    .filter((secret) => secret.length >= minimumSecretLength)
    .sort((a, b) => b.length - a.length)
  return ordered.reduce((masked, secret) => masked.split(secret).join(mask), text)
}

/**
 * A URL, or any text that may hold one (a log line, an error message, a
 * process's output), with its credentials masked: the userinfo of every URL
 * (`****:****@`), the value of every secret query parameter or `name=value`
 * pair (`token=****`), and secret header lines (`Authorization: Bearer ****`).
 *
 * @example
 *   maskSecrets('GET http://bob:pw@10.0.0.7/bets?token=t0k&punter=alice')
 *   // 'GET http://****:****@10.0.0.7/bets?token=****&punter=alice'
 *   maskSecrets('[stderr] Authorization: Bearer eyJhbGci') // '[stderr] Authorization: Bearer ****'
 */
export function maskSecrets(text: string, names: SecretNames = currentSecretNames()): string {
  const { mayHoldSecret, headerLine, quotedHeader, inlineHeader, pair } = patternsOf(names)
  // Most texts (a passing run's messages, an alias table) hold none: one scan, not five, and no copies.
  if (!mayHoldSecret.test(text)) return text
  return text
    .replace(userinfo, (_match, scheme: string, info: string) => `${scheme}${info.includes(':') ? maskedPair : mask}@`)
    .replace(headerLine, (_match, start: string, name: string, colon: string, value: string) => {
      return `${start}${name}${colon}${maskHeaderValue(name, value, names)}`
    })
    .replace(quotedHeader, (_match, quote: string, name: string, colon: string, valueQuote: string, value: string) => {
      return `${quote}${name}${quote}${colon}${valueQuote}${maskHeaderValue(name, value, names)}${valueQuote}`
    })
    .replace(inlineHeader, (match, name: string, colon: string, value: string) => {
      // Inside a sentence, `authorization: missing credentials` is prose; a credential comes after a scheme.
      if (/authorization$/i.test(name) && !/\s/.test(value)) return match
      return `${name}${colon}${maskHeaderValue(name, value, names)}`
    })
    .replace(pair, (_match, name: string) => `${name}=${mask}`)
}

const maskedPair = `${mask}:${mask}`

// scheme://userinfo@ — the userinfo ends before the first / ? # of the authority. The scheme's bounded length keeps a
// long run of word characters (a body of 'a-a-a-…') from costing quadratic time.
const userinfo = /\b([a-z][a-z0-9+.-]{0,31}:\/\/)([^\s/?#@"'<>]+)@/gi

// A value of a name=value pair ends at the next separator of a query, a list or a quoted string, and a sentence's
// full stop or colon after it is not part of it.
const pairValue = String.raw`[^&#\s"'<>;,)\]}]*[^&#\s"'<>;,)\]}.:!?]`

// A header line starts a line, maybe after a process output's label or curl's `> `.
const lineStart = String.raw`^([ \t]*(?:\[std(?:out|err)\][ \t]*)?(?:[<>][ \t]*)?)`

// The names from the environment, read again only when the environment's lists change (a test may stub them).
let namesFromEnv: { headers: string | undefined; parameters: string | undefined; names: SecretNames } | undefined

function currentSecretNames(): SecretNames {
  const headers = process.env[secretHeadersEnvName]
  const parameters = process.env[secretQueryParametersEnvName]
  if (!namesFromEnv || namesFromEnv.headers !== headers || namesFromEnv.parameters !== parameters)
    namesFromEnv = { headers, parameters, names: secretNames() }
  return namesFromEnv.names
}

interface Patterns {
  /**
   * What every other pattern needs: a userinfo's `@`, a header's name or a pair's `name=`. A text without any has
   * nothing to mask.
   */
  mayHoldSecret: RegExp
  /** `Authorization: Bearer …` on a line of its own: the value runs to the end of the line. */
  headerLine: RegExp
  /** `"authorization": "Bearer …"` anywhere, as JSON and util.inspect show a header. */
  quotedHeader: RegExp
  /** `-H 'Authorization: Bearer …'` inside a line: a scheme and a credential, or a value of 6 characters or more. */
  inlineHeader: RegExp
  /** `token=…`, `client_secret=…`, `--password=…`; not `monkey=…` nor `keyboard=…`. */
  pair: RegExp
}

const authSchemes = 'bearer|basic|digest|token|negotiate|ntlm|apikey|aws4-hmac-sha256'

const compiled = new Map<string, Patterns>()

function patternsOf(names: SecretNames): Patterns {
  const key = `${names.headers.join(',')}|${names.queryParameters.join(',')}`
  let patterns = compiled.get(key)
  if (!patterns) {
    const headers = names.headers.map(escapeRegExp).join('|')
    const parameters = names.queryParameters.map(escapeRegExp).join('|')
    patterns = {
      mayHoldSecret: new RegExp(String.raw`@|${headers}|(?:${parameters})=`, 'i'),
      headerLine: new RegExp(String.raw`${lineStart}(${headers})([ \t]*:[ \t]*)([^\r\n]+)`, 'gim'),
      quotedHeader: new RegExp(
        String.raw`(?<![\w-])(["']?)(${headers})\1([ \t]*:[ \t]*)(["'])((?:\\.|(?!\4)[^\\\r\n])*)\4`,
        'gi',
      ),
      inlineHeader: new RegExp(
        String.raw`(?<![\w-])(${headers})([ \t]*:[ \t]*)` +
          String.raw`((?:${authSchemes})[ \t]+[^\s"'<>,;]*[^\s"'<>,;.:!?]|[^\s"'<>,;]{5,}[^\s"'<>,;.:!?])`,
        'gi',
      ),
      pair: new RegExp(String.raw`(?<![\w.-])((?:[\w.-]{0,64}[_-])?(?:${parameters}))=${pairValue}`, 'gi'),
    }
    compiled.set(key, patterns)
  }
  return patterns
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function maskCookiePair(pair: string): string {
  const equals = pair.indexOf('=')
  return equals === -1 ? pair : `${pair.slice(0, equals + 1)}${mask}`
}

function cookieValue(pair: string): string {
  const equals = pair.indexOf('=')
  return equals === -1 ? '' : pair.slice(equals + 1).trim()
}
