import { afterEach, describe, expect, it, vi } from 'vitest'
import { isSecretHeader, maskHeaderValue, maskSecrets, maskText, secretsInHeader } from './mask-secrets.ts'
import { secretHeadersEnvName, secretNames, secretNamesEnv, secretQueryParametersEnvName } from './secret-names.ts'

describe('maskHeaderValue', () => {
  it('keeps the auth scheme and masks the credential', () => {
    expect(maskHeaderValue('Authorization', 'Bearer eyJhbGciOi.x.y')).toBe('Bearer ****')
    expect(maskHeaderValue('proxy-authorization', 'Basic dXNlcjpwYXNz')).toBe('Basic ****')
    expect(maskHeaderValue('authorization', 'rawtoken')).toBe('****')
  })

  it('keeps cookie names and Set-Cookie attributes', () => {
    expect(maskHeaderValue('Cookie', 'sid=abc123; theme=dark')).toBe('sid=****; theme=****')
    expect(maskHeaderValue('set-cookie', 'sid=abc123; Path=/; HttpOnly')).toBe('sid=****; Path=/; HttpOnly')
  })

  it('leaves other headers alone', () => {
    expect(isSecretHeader('Content-Type')).toBe(false)
    expect(maskHeaderValue('content-type', 'application/json')).toBe('application/json')
  })
})

describe('secretsInHeader and maskText', () => {
  it('finds the credential values and masks them anywhere in a text', () => {
    const secrets = [
      ...secretsInHeader('Authorization', 'Bearer tok-12345'),
      ...secretsInHeader('Cookie', 'sid=abc123; n=1'),
    ]
    expect(secrets).toEqual(['tok-12345', 'abc123'])
    expect(maskText('{"token":"tok-12345","session":"abc123","n":1}', secrets)).toBe(
      '{"token":"****","session":"****","n":1}',
    )
  })

  it('ignores values too short to mask without mangling the text', () => {
    expect(secretsInHeader('cookie', 'n=1')).toEqual([])
    expect(maskText('n=1', ['1'])).toBe('n=1')
  })
})

describe('the secret headers', () => {
  it('are authorization, proxy-authorization, cookie, set-cookie, x-api-key and the ones configured', () => {
    const names = secretNames({ [secretHeadersEnvName]: 'X-Session, x-tenant-key' })
    expect(names.headers).toEqual([
      'authorization',
      'proxy-authorization',
      'cookie',
      'set-cookie',
      'x-api-key',
      'x-session',
      'x-tenant-key',
    ])
    expect(isSecretHeader('X-API-Key', names)).toBe(true)
    expect(isSecretHeader('X-Session', names)).toBe(true)
    expect(isSecretHeader('X-Session')).toBe(false)
    expect(maskHeaderValue('x-session', 'sess-0123456789', names)).toBe('****')
    expect(secretsInHeader('X-Api-Key', ' key-0123456789 ')).toEqual(['key-0123456789'])
  })
})

describe('secretNamesEnv', () => {
  it('hands the configured names on, lower case, after those already in the environment', () => {
    expect(
      secretNamesEnv(
        { headers: ['X-Session'], queryParameters: ['session_id'] },
        { [secretQueryParametersEnvName]: 'otp' },
      ),
    ).toEqual({ PARLANCE_SECRET_HEADERS: 'x-session', PARLANCE_SECRET_QUERY_PARAMETERS: 'otp,session_id' })
    expect(secretNamesEnv(undefined, {})).toEqual({})
    expect(secretNamesEnv({ headers: [] }, {})).toEqual({})
  })
})

describe('maskSecrets', () => {
  it('masks the userinfo of a URL, with or without a password', () => {
    expect(maskSecrets('http://bob:pa55-word@10.0.0.7:8080/bets')).toBe('http://****:****@10.0.0.7:8080/bets')
    expect(maskSecrets('connecting to postgres://ghp_token1@db:5432/ledger')).toBe(
      'connecting to postgres://****@db:5432/ledger',
    )
    const jwt = `eyJ${'x'.repeat(1000)}`
    expect(maskSecrets(`https://${jwt}@api.example/v1`)).toBe('https://****@api.example/v1')
    expect(maskSecrets('mail bob@example.com, see http://example.com/a@b')).toBe(
      'mail bob@example.com, see http://example.com/a@b',
    )
  })

  it('masks every default secret query parameter, whatever its case, and keeps the others', () => {
    expect(
      maskSecrets('/bets?token=a1&access_token=a2&api_key=a3&key=a4&secret=a5&password=a6&sig=a7&punter=alice#top'),
    ).toBe(
      '/bets?token=****&access_token=****&api_key=****&key=****&secret=****&password=****&sig=****&punter=alice#top',
    )
    expect(maskSecrets('/bets?TOKEN=a1&Api_Key=a3')).toBe('/bets?TOKEN=****&Api_Key=****')
  })

  it('masks a name ending in _name or -name, never a longer word', () => {
    expect(maskSecrets('client_secret=s1 refresh_token=t1 x-api-key=k1 --password=hunter2')).toBe(
      'client_secret=**** refresh_token=**** x-api-key=**** --password=****',
    )
    expect(maskSecrets('keyboard=1 monkey=1 tokens=2 passwords=3 key= signal=4')).toBe(
      'keyboard=1 monkey=1 tokens=2 passwords=3 key= signal=4',
    )
  })

  it('masks name=value pairs in free text, up to the next separator, keeping the sentence around them', () => {
    expect(maskSecrets('login failed (password=hunter2, user=bob); retry with "token=t0k"')).toBe(
      'login failed (password=****, user=bob); retry with "token=****"',
    )
    expect(maskSecrets('GET /bets?token=eyJ.a.b: refused. Sent key=k-1.')).toBe(
      'GET /bets?token=****: refused. Sent key=****.',
    )
    expect(maskSecrets("curl -H 'X-Api-Key: k-123456'. Then Authorization: Bearer eyJ.x.y.")).toBe(
      "curl -H 'X-Api-Key: ****'. Then Authorization: Bearer ****.",
    )
  })

  it('masks the query parameters named in the config', () => {
    const names = secretNames({ [secretQueryParametersEnvName]: 'session_id,otp' })
    expect(maskSecrets('/login?otp=123456&session_id=s-42&user=bob', names)).toBe(
      '/login?otp=****&session_id=****&user=bob',
    )
    expect(maskSecrets('/login?otp=123456')).toBe('/login?otp=123456')
  })

  it('masks header lines of process output and headers printed as JSON or by util.inspect', () => {
    expect(maskSecrets('[stderr] Authorization: Bearer eyJhbGci.x.y\n> Cookie: sid=abc123; theme=dark')).toBe(
      '[stderr] Authorization: Bearer ****\n> Cookie: sid=****; theme=****',
    )
    expect(maskSecrets(`{"authorization":"Basic dXNlcjpw","accept":"json"} { 'x-api-key': 'k-1234', host: 'a' }`)).toBe(
      `{"authorization":"Basic ****","accept":"json"} { 'x-api-key': '****', host: 'a' }`,
    )
    const names = secretNames({ [secretHeadersEnvName]: 'x-session' })
    expect(maskSecrets('X-Session: sess-0123456789', names)).toBe('X-Session: ****')
  })

  it('masks a header inside a line when a credential follows it, as in a command line', () => {
    expect(maskSecrets("curl -H 'Authorization: Bearer eyJhbGci.x' -H 'X-Api-Key: k-123456' http://h")).toBe(
      "curl -H 'Authorization: Bearer ****' -H 'X-Api-Key: ****' http://h",
    )
  })

  it('leaves prose that merely names a header, and text already masked, as it is', () => {
    expect(maskSecrets('the request had no authorization: add a token; authorization: missing')).toBe(
      'the request had no authorization: add a token; authorization: missing',
    )
    expect(maskSecrets('no cookie: none set')).toBe('no cookie: none set')
    const masked = 'GET http://****:****@h/bets?token=**** with Authorization: Bearer ****'
    expect(maskSecrets(masked)).toBe(masked)
  })
})

describe('maskSecrets on text that cannot hold a secret', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('returns it as it is, and reads the secret names again when the environment changes', () => {
    const aliases = '{"runId":"r7k2","aliases":{"Alice":"Alice r7k2-x9q2bz"}}'
    expect(maskSecrets(aliases)).toBe(aliases)
    expect(maskSecrets('session_id=abc123 expired')).toBe('session_id=abc123 expired')
    vi.stubEnv(secretQueryParametersEnvName, 'session_id')
    expect(maskSecrets('session_id=abc123 expired')).toBe('session_id=**** expired')
    vi.stubEnv(secretHeadersEnvName, 'x-session')
    expect(maskSecrets('X-Session: s3ss10n-abc')).toBe('X-Session: ****')
  })
})
