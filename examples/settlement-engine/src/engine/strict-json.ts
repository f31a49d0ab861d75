import type { Refusal } from '../commands.ts'
import { describe } from './fields.ts'
import { refuse } from './refusal.ts'

/**
 * The deepest a body or stream line may nest objects and lists; a command needs 3 levels at most.
 *
 * @example
 *   readStrictJson('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1), 'line').ok // false: too-deep
 */
export const MAX_JSON_DEPTH = 32

/**
 * JSON read under the limits, or why not.
 *
 * @example
 *   const read: StrictJson = readStrictJson('{"type":"void","event":"R1"}', 'line')
 *   if (read.ok) read.value // { type: 'void', event: 'R1' }
 */
export type StrictJson = { ok: true; value: unknown } | Refusal

/**
 * Parses JSON text as every channel's input must be: valid JSON, nesting at
 * most MAX_JSON_DEPTH deep, and no object giving a key twice (keys compared
 * after unescaping, so `"st\u0061ke"` repeats `"stake"`). JSON.parse would
 * keep the last of two keys where another reader keeps the first; and a value
 * nested thousands deep overflows the stack of whatever walks it next. `what`
 * is how messages call the text: the API's "body" or the stream's "line".
 *
 * @example
 *   readStrictJson('{"stake":"10"}', 'body') // { ok: true, value: { stake: '10' } }
 *   readStrictJson('{"stake":"10","stake":"20"}', 'body')
 *   // Refusal 400 duplicate-key, field "stake"
 */
export function readStrictJson(text: string, what: 'body' | 'line'): StrictJson {
  let value: unknown
  try {
    // V8's JSON.parse does not recurse, so any depth parses; the scan below then needs no syntax checks.
    value = JSON.parse(text)
  } catch (error) {
    const advice = what === 'body' ? 'send one JSON object' : 'send one JSON command per line'
    return refuse(400, 'invalid-json', `the ${what} is not JSON (${(error as Error).message}); ${advice}`)
  }
  const problem = checkStructure(text, what)
  return problem ?? { ok: true, value }
}

const QUOTE = 0x22
const BACKSLASH = 0x5c

// Walks valid JSON text once: depth, and each object's keys so far.
function checkStructure(text: string, what: 'body' | 'line'): Refusal | undefined {
  const isObject: boolean[] = []
  const keys: Array<Set<string>> = []
  // Per level: the key or list index being read, for the path a message names.
  const at: Array<string | number> = []
  let depth = 0
  let expectKey = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) {
      const start = i
      let escaped = false
      for (i++; text.charCodeAt(i) !== QUOTE; i++) {
        if (text.charCodeAt(i) === BACKSLASH) {
          escaped = true
          i++
        }
      }
      if (!expectKey) continue
      expectKey = false
      const key: string = escaped ? JSON.parse(text.slice(start, i + 1)) : text.slice(start + 1, i)
      const level = depth - 1
      at[level] = key
      if (keys[level]!.has(key)) return duplicateKey(key, at.slice(0, depth), what)
      keys[level]!.add(key)
    } else if (c === 0x7b || c === 0x5b) {
      if (depth === MAX_JSON_DEPTH) return tooDeep(at[0], what)
      isObject[depth] = c === 0x7b
      if (c === 0x7b) keys[depth] = new Set()
      else at[depth] = 0
      depth++
      expectKey = c === 0x7b
    } else if (c === 0x7d || c === 0x5d) {
      depth--
      expectKey = false
    } else if (c === 0x2c) {
      if (isObject[depth - 1]) expectKey = true
      else at[depth - 1] = (at[depth - 1] as number) + 1
    }
  }
  return undefined
}

function tooDeep(topKey: string | number | undefined, what: string): Refusal {
  const field = typeof topKey === 'string' ? formatPath([topKey]) : undefined
  const where = field === undefined ? '' : ` (in ${describe(field)})`
  return refuse(
    400,
    'too-deep',
    `the ${what} nests deeper than ${MAX_JSON_DEPTH} levels${where}; the limit is ${MAX_JSON_DEPTH}. ` +
      'Send the command as documented: none nests more than 3 levels',
    field,
  )
}

function duplicateKey(key: string, path: Array<string | number>, what: string): Refusal {
  const field = formatPath(path)
  return refuse(
    400,
    'duplicate-key',
    `${field}: the ${what} gives the key ${describe(key)} twice in one object (keys are compared after ` +
      'unescaping); send each key once',
    field,
  )
}

// legs[0].price; a key that is not a plain word is quoted: placeTerms["a b"].
function formatPath(path: Array<string | number>): string {
  let text = ''
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`
    else if (/^[A-Za-z_$][A-Za-z0-9_$]{0,59}$/.test(part)) text += text === '' ? part : `.${part}`
    else text += `[${describe(part)}]`
  }
  return text
}
