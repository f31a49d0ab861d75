import type { SecretsConfig } from '../../drivers/core/secret-names.ts'
import type { Check } from './config-problems.ts'

/**
 * Checks the config's `secrets`: `headers` and `queryParameters`, each a list
 * of names (a header name as HTTP allows it; a parameter name without `=`,
 * `&`, `,` or spaces).
 *
 * @example
 *   import { Problems } from './config-problems.ts'
 *   const problems = new Problems()
 *   checkSecrets({ headers: 'x-session' }, 'secrets', problems)
 *   problems.list[0] // 'secrets.headers is "x-session"; expected a list of header names, e.g. [\'x-session\']'
 */
export const checkSecrets: Check = (value, path, problems) => {
  problems.object(value, path, secretsShape, [])
}

const secretsShape: Record<keyof SecretsConfig, Check> = {
  headers: names(
    /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/,
    'header',
    "letters, digits and - _ . ! # $ % & ' * + ^ ` | ~",
    'x-session',
  ),
  queryParameters: names(/^[^\s=&,#?]+$/, 'query parameter', 'no spaces and none of = & , # ?', 'session_id'),
}

function names(pattern: RegExp, what: string, allowed: string, example: string): Check {
  return (value, path, problems) => {
    if (!Array.isArray(value)) return problems.wrong(path, value, `a list of ${what} names, e.g. ['${example}']`)
    value.forEach((name, i) => {
      if (typeof name !== 'string' || !pattern.test(name))
        problems.wrong(`${path}[${i}]`, name, `a ${what} name (${allowed}), e.g. '${example}'`)
    })
  }
}
