import { nearest } from '../../drivers/core/nearest.ts'

/**
 * Checks one value found at `path` of a config, adding what is wrong with it to `problems`.
 *
 * @example
 *   const port: Check = (value, path, problems) => { if (value === 0) problems.wrong(path, value, 'a fixed port') }
 */
export type Check = (value: unknown, path: string, problems: Problems) => void

/**
 * What is wrong with a config so far, each problem naming its key.
 *
 * @example
 *   const problems = new Problems()
 *   problems.wrong('parallel', 0, 'a whole number ≥ 1, e.g. 4')
 *   problems.list // ['parallel is 0; expected a whole number ≥ 1, e.g. 4']
 */
export class Problems {
  readonly list: string[] = []

  add(path: string, problem: string): void {
    this.list.push(`${path || 'the default export'} ${problem}`)
  }

  wrong(path: string, value: unknown, expected: string): void {
    this.add(path, `is ${quote(value)}; expected ${expected}`)
  }

  /** Checks an object's keys against `shape`: required ones present, unknown ones named with the nearest known key. */
  object(
    value: unknown,
    path: string,
    shape: Readonly<Record<string, Check>>,
    required: string[],
  ): value is Record<string, unknown> {
    const keys = Object.keys(shape)
    if (!isPlainObject(value)) {
      this.wrong(path, value, `an object with ${keys.join(', ')}`)
      return false
    }
    for (const key of required) if (value[key] === undefined) this.add(join(path, key), 'is missing; it is required')
    for (const [key, child] of Object.entries(value)) {
      const check = Object.hasOwn(shape, key) ? shape[key] : undefined
      if (check && child !== undefined) check(child, join(path, key), this)
      if (check) continue
      const suggestion = nearest(key, keys)
      this.add(
        join(path, key),
        `is not a known key${suggestion ? ` — did you mean "${suggestion}"?` : ''} Allowed: ${keys.join(', ')}`,
      )
    }
    return true
  }

  /** Checks an object whose keys are names the user chose, each entry with `check`. */
  record(value: unknown, path: string, check: (entry: unknown, path: string, key: string) => void): void {
    if (!isPlainObject(value)) return this.wrong(path, value, 'an object keyed by name')
    for (const [key, entry] of Object.entries(value)) check(entry, join(path, key), key)
  }
}

/**
 * A non-empty string.
 *
 * @example
 *   const shape = { cwd: string }
 */
export const string: Check = (value, path, problems) => {
  if (typeof value !== 'string' || value === '') problems.wrong(path, value, 'a non-empty string')
}

/**
 * A list of strings (non-empty ones, and at least one, unless `empty`).
 *
 * @example
 *   const shape = { features: strings(`['specs/settlement/**\/*.feature']`) }
 */
export const strings =
  (example: string, { empty = false } = {}): Check =>
  (value, path, problems) => {
    const ok =
      Array.isArray(value) &&
      (empty || value.length > 0) &&
      value.every((item) => typeof item === 'string' && (empty || item !== ''))
    if (!ok) problems.wrong(path, value, `a ${empty ? '' : 'non-empty '}list of strings, e.g. ${example}`)
  }

/**
 * A whole number ≥ 1.
 *
 * @example
 *   const shape = { parallel: positiveInteger('4') }
 */
export const positiveInteger =
  (example: string): Check =>
  (value, path, problems) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
      problems.wrong(path, value, `a whole number ≥ 1, e.g. ${example}`)
  }

/**
 * Whether a value is an object with keys: not null, a list or a regular expression.
 *
 * @example
 *   isPlainObject({ engine: {} }) // true
 *   isPlainObject(/listening/) // false
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RegExp)
}

/**
 * The path of a key below `path`, as a problem names it.
 *
 * @example
 *   join('systems', 'engine') // 'systems.engine'
 */
export function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`
}

/**
 * A value as a problem quotes it: JSON, or a regular expression as written.
 *
 * @example
 *   quote('5s') // '"5s"'
 */
export function quote(value: unknown): string {
  if (value instanceof RegExp || value === undefined || typeof value === 'function') return String(value)
  return JSON.stringify(value) ?? String(value)
}
