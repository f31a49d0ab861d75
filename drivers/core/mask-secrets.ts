const mask = '****'

// Shorter values (a cookie `n=1`) would mask unrelated text all over a recorded body.
const minimumSecretLength = 6

/**
 * Whether a header carries a credential whose value a report must not show.
 *
 * @example
 *   isSecretHeader('Authorization') // true
 *   isSecretHeader('content-type') // false
 */
export function isSecretHeader(name: string): boolean {
  return ['authorization', 'proxy-authorization', 'cookie', 'set-cookie'].includes(name.toLowerCase())
}

/**
 * A header value with its credentials replaced by `****`, keeping what helps
 * debugging: the auth scheme, cookie names and Set-Cookie attributes.
 *
 * @example
 *   maskHeaderValue('Authorization', 'Bearer eyJhbGci') // 'Bearer ****'
 *   maskHeaderValue('Set-Cookie', 'sid=abc123; Path=/; HttpOnly') // 'sid=****; Path=/; HttpOnly'
 */
export function maskHeaderValue(name: string, value: string): string {
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
      return value
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
export function secretsInHeader(name: string, value: string): string[] {
  const lower = name.toLowerCase()
  let secrets: string[] = []
  if (lower === 'authorization' || lower === 'proxy-authorization') secrets = [value.replace(/^\S+\s+/, '').trim()]
  else if (lower === 'cookie') secrets = value.split(';').map(cookieValue)
  else if (lower === 'set-cookie') secrets = [cookieValue(value.split(';')[0] ?? '')]
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

function maskCookiePair(pair: string): string {
  const equals = pair.indexOf('=')
  return equals === -1 ? pair : `${pair.slice(0, equals + 1)}${mask}`
}

function cookieValue(pair: string): string {
  const equals = pair.indexOf('=')
  return equals === -1 ? '' : pair.slice(equals + 1).trim()
}
