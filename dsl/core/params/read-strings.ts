import type { ArgumentCollector } from './argument-collector.ts'
import type { CompiledDeclaration } from './compile-declaration.ts'
import { messages } from './messages.ts'

const SPACE = 0x20
const TAB = 0x09
const COLON = 0x3a
const EQUALS = 0x3d
const SLASH = 0x2f

/**
 * Where a `"name: value"` string splits: the index of its first `:` or `=`
 * when everything before it is a parameter name (letters, digits, `_`, `-`,
 * starting with a letter or `_`); otherwise -1, and the whole string is a
 * value. A URL's `://` never splits, so `http://x` is a value.
 *
 * @example
 *   separatorIndex('stake: £10') // 5
 *   separatorIndex('http://example.test') // -1
 */
export function separatorIndex(text: string): number {
  const end = text.length
  let i = skipSpaces(text, 0)
  if (i === end || !isNameStart(text.charCodeAt(i))) return -1
  i++
  while (i < end && isNameChar(text.charCodeAt(i))) i++
  i = skipSpaces(text, i)
  const separator = text.charCodeAt(i)
  if (separator === EQUALS) return i
  if (separator !== COLON) return -1
  return text.charCodeAt(i + 1) === SLASH && text.charCodeAt(i + 2) === SLASH ? -1 : i
}

/**
 * Reads the `"name: value"` form: values before the first named one fill the
 * parameters in declared order.
 *
 * @example
 *   readStrings(collector, compiled, ['Alice', 'Red Rum', 'stake: £5'])
 *   readStrings(collector, compiled, ['website: http://example.test'])
 */
export function readStrings(collector: ArgumentCollector, compiled: CompiledDeclaration, strings: readonly unknown[]): void {
  for (const text of strings) {
    if (typeof text !== 'string') {
      collector.cannotRead(messages.unreadableInput(compiled.method, text, compiled.acceptedKeys))
      continue
    }
    const separator = separatorIndex(text)
    if (separator < 0) collector.positional(text)
    else collector.named(text.slice(0, separator).trim(), text.slice(separator + 1))
  }
}

function skipSpaces(text: string, from: number): number {
  let i = from
  while (i < text.length && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++
  return i
}

function isNameStart(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f
}

function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 0x30 && code <= 0x39) || code === 0x2d
}
