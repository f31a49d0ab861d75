/**
 * The headers whose values are credentials, masked wherever a request is shown (names are case-insensitive).
 *
 * @example
 *   defaultSecretHeaders.includes('x-api-key') // true
 */
export const defaultSecretHeaders: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
]

/**
 * The query parameters (and `name=value` pairs in any text) whose values are
 * credentials. A name also covers names ending in `_name` or `-name`
 * (`client_secret`, `refresh_token`), never a longer word (`monkey`, `keyboard`).
 *
 * @example
 *   defaultSecretQueryParameters.includes('access_token') // true
 */
export const defaultSecretQueryParameters: readonly string[] = [
  'token',
  'access_token',
  'api_key',
  'key',
  'secret',
  'password',
  'sig',
]

/**
 * The environment variable that hands the config's `secrets.headers` to every
 * worker: names separated by commas.
 *
 * @example
 *   const env = { [secretHeadersEnvName]: 'x-session,x-tenant-key' }
 */
export const secretHeadersEnvName = 'PARLANCE_SECRET_HEADERS'

/**
 * The environment variable that hands the config's `secrets.queryParameters`
 * to every worker: names separated by commas.
 *
 * @example
 *   const env = { [secretQueryParametersEnvName]: 'session_id' }
 */
export const secretQueryParametersEnvName = 'PARLANCE_SECRET_QUERY_PARAMETERS'

/**
 * The names whose values are masked: headers and query parameters, lower case.
 *
 * @example
 *   const names: SecretNames = { headers: ['authorization'], queryParameters: ['token'] }
 */
export interface SecretNames {
  headers: readonly string[]
  queryParameters: readonly string[]
}

/**
 * The extra names a project declares secret, as `secrets` in `parlance.config.ts`.
 *
 * @example
 *   const secrets: SecretsConfig = { headers: ['x-session'], queryParameters: ['session_id'] }
 */
export interface SecretsConfig {
  /** Headers whose values are credentials, besides {@link defaultSecretHeaders}. */
  headers?: string[]
  /** Query parameters whose values are credentials, besides {@link defaultSecretQueryParameters}. */
  queryParameters?: string[]
}

/**
 * The names to mask: the defaults plus those named in the environment
 * (`PARLANCE_SECRET_HEADERS`, `PARLANCE_SECRET_QUERY_PARAMETERS`, set by
 * `parlance run` from the config's `secrets`).
 *
 * @example
 *   secretNames({ PARLANCE_SECRET_HEADERS: 'X-Session' }).headers.at(-1) // 'x-session'
 *   secretNames({}).queryParameters // ['token', 'access_token', 'api_key', 'key', 'secret', 'password', 'sig']
 */
export function secretNames(env: Readonly<Record<string, string | undefined>> = process.env): SecretNames {
  return {
    headers: withDefaults(defaultSecretHeaders, env[secretHeadersEnvName]),
    queryParameters: withDefaults(defaultSecretQueryParameters, env[secretQueryParametersEnvName]),
  }
}

/**
 * The environment that hands a config's `secrets` to the drivers, in this
 * process and in every worker: names already there are kept.
 *
 * @example
 *   secretNamesEnv({ headers: ['x-session'] }, {}) // { PARLANCE_SECRET_HEADERS: 'x-session' }
 *   secretNamesEnv(undefined, {}) // {}
 */
export function secretNamesEnv(
  secrets: SecretsConfig | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const joined = (name: string, extra: readonly string[] = []): Record<string, string> => {
    const names = [...new Set([...splitNames(env[name]), ...extra.map((item) => item.toLowerCase())])]
    return names.length === 0 ? {} : { [name]: names.join(',') }
  }
  return {
    ...joined(secretHeadersEnvName, secrets?.headers),
    ...joined(secretQueryParametersEnvName, secrets?.queryParameters),
  }
}

function withDefaults(defaults: readonly string[], extra: string | undefined): string[] {
  return [...new Set([...defaults, ...splitNames(extra)])]
}

function splitNames(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '')
}
