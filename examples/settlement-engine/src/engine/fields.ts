import type { Refusal } from '../commands.ts'
import { badField, refuse } from './refusal.ts'

// Half a surrogate pair: not Unicode, and not storable as UTF-8.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
// Controls (NUL, C1), invisible format characters (zero-width, BOM, bidi overrides and isolates) and line
// separators: with them two ids that look the same would be different ids, or one would read backwards.
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u
const FORBIDDEN_ALL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu
const ALLOWED = 'without control characters, invisible format characters (zero-width, BOM, bidi) or line separators'

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
 * A non-empty string of at most MAX_NAME characters, or the refusal naming
 * `field`. It comes back NFC-normalised ("Zoe\u0308" is "Zoë"), so one name
 * has one form on every channel; controls, invisible format characters and
 * line separators are refused, so two names that look alike are alike.
 *
 * @example
 *   checkName('Zoe\u0308', 'customer') // 'Zoë'
 *   checkName('', 'runners[2]') // Refusal: runners[2]: "" is empty; send a name of 1 to 200 characters
 */
export function checkName(given: unknown, field: string): string | Refusal {
  if (typeof given !== 'string')
    return badField(field, `${describe(given)} is not a string; send a name of 1 to ${MAX_NAME} characters`)
  const forbidden = FORBIDDEN.exec(given)
  if (forbidden !== null) {
    const char = forbidden[0].codePointAt(0)!
    return badField(
      field,
      `${quote(given)} contains ${codePoint(char)}, ${kindOf(forbidden[0])}, at character ${forbidden.index + 1}; ` +
        `send a name of 1 to ${MAX_NAME} characters ${ALLOWED}`,
    )
  }
  const value = given.normalize('NFC')
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

// In quotes, cut short; invisible characters shown as \u escapes so a message shows what was sent.
function quote(text: string): string {
  const shown = JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text)
  return shown.replace(FORBIDDEN_ALL, (char) => char.split('').map(unicodeEscape).join(''))
}

function unicodeEscape(unit: string): string {
  return `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`
}

function codePoint(char: number): string {
  return `U+${char.toString(16).toUpperCase().padStart(4, '0')}`
}

function kindOf(char: string): string {
  if (/\p{Cc}/u.test(char)) return 'a control character'
  if (/\p{Cf}/u.test(char)) return 'an invisible format character'
  return 'a line separator'
}
