import type { Refusal } from '../commands.ts'
import { badField, refuse } from './refusal.ts'

// Half a surrogate pair: not Unicode, and not storable as UTF-8.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** The longest id or name the engine takes. */
export const MAX_NAME = 200

/**
 * A required, non-empty string field of at most MAX_NAME characters.
 *
 * @example
 *   readName({ customer: 'alice' }, 'customer') // 'alice'
 *   readName({}, 'customer') // Refusal 400 missing-field
 */
export function readName(body: Record<string, unknown>, key: string, field: string = key): string | Refusal {
  const value = body[key]
  if (value === undefined || value === null) return missing(field, 'a non-empty string')
  return checkName(value, field)
}

/**
 * A non-empty string of at most MAX_NAME characters, or the refusal naming `field`.
 *
 * @example
 *   checkName('', 'runners[2]') // Refusal: runners[2]: "" is empty; send a name of 1 to 200 characters
 */
export function checkName(value: unknown, field: string): string | Refusal {
  if (typeof value !== 'string')
    return badField(field, `${describe(value)} is not a string; send a name of 1 to ${MAX_NAME} characters`)
  if (value.length === 0 || value.length > MAX_NAME || value.trim() !== value || LONE_SURROGATE.test(value)) {
    const why =
      value.length === 0
        ? 'is empty'
        : value.length > MAX_NAME
          ? `is ${value.length} characters long`
          : value.trim() !== value
            ? 'has spaces at an end'
            : 'is not valid Unicode'
    return badField(
      field,
      `${quote(value)} ${why}; send a name of 1 to ${MAX_NAME} characters without spaces at the ends`,
    )
  }
  return value
}

/**
 * A required string field, as given (money and prices are read by their parsers).
 *
 * @example
 *   readText({ stake: '10' }, 'stake', 'stake', 'money such as "10.50"') // '10'
 */
export function readText(body: Record<string, unknown>, key: string, field: string, form: string): string | Refusal {
  const value = body[key]
  if (value === undefined || value === null) return missing(field, form)
  if (typeof value !== 'string') return badField(field, `${describe(value)} is not a string; send ${form}`)
  return value
}

/**
 * An optional boolean field; absent or null is false.
 *
 * @example
 *   readFlag({ eachWay: true }, 'eachWay') // true
 */
export function readFlag(body: Record<string, unknown>, key: string): boolean | Refusal {
  const value = body[key]
  if (value === undefined || value === null) return false
  if (typeof value !== 'boolean') return badField(key, `${describe(value)} is not a boolean; send true or false`)
  return value
}

/**
 * A refusal for a required field that is absent.
 *
 * @example
 *   missing('legs', 'a list of legs')
 */
export function missing(field: string, form: string): Refusal {
  return refuse(400, 'missing-field', `${field} is missing; send ${form}`, field)
}

/** Whether a value is a plain JSON object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * A value as a message quotes it: strings in quotes, others as JSON, cut short.
 *
 * @example
 *   describe(10) // '10'
 *   describe('ten') // '"ten"'
 */
export function describe(value: unknown): string {
  if (typeof value === 'string') return quote(value)
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list'
  if (value === null) return 'null'
  if (typeof value === 'object') return 'an object'
  return String(value)
}

function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text)
}
