import { seeded } from './crash-commands.ts'

/**
 * A POST route of the API, and what its body becomes on `/stream`: a `type`, and the path's event.
 *
 * @example
 *   const route: HostileRoute = {
 *     path: '/events/R1/withdrawals',
 *     type: 'withdrawal',
 *     event: 'R1',
 *     base: { runner: 'Crisp', price: '3/1' },
 *     names: [['runner']],
 *     required: [['runner'], ['price']],
 *     flags: [],
 *     texts: [['price']],
 *     objects: [],
 *   }
 */
export interface HostileRoute {
  path: string
  type: 'event' | 'withdrawal' | 'bet' | 'result' | 'void'
  event?: string
  /** A body the engine accepts: every hostile body is one of these, spoilt. */
  base: Record<string, unknown>
  /** Paths of the string fields read as ids or names. */
  names: Path[]
  /** Paths of every field the engine reads and requires: what a wrong type or number is put in. */
  required: Path[]
  /** Paths of the optional fields the engine reads, which take no string. */
  flags: Path[]
  /** Paths of the money, price and fraction strings. */
  texts: Path[]
  /** Paths of the objects inside the body (a leg, the place terms). */
  objects: Path[]
}

/**
 * A field's place in a body: keys and list indexes.
 *
 * @example
 *   const runner: Path = ['legs', 0, 'runner']
 */
export type Path = Array<string | number>

/**
 * What a refusal must be, where a body's spoiling decides it.
 *
 * @example
 *   const expected: Expected = { codes: ['duplicate-key'], field: 'legs[0].price' }
 */
export interface Expected {
  codes: string[]
  field?: string
}

/**
 * One hostile body: its text, how it was spoilt, and the refusal it must get on the API and on the stream.
 *
 * @example
 *   declare const body: HostileBody
 *   body.what // 'duplicate: escaped stake twice'
 */
export interface HostileBody {
  route: HostileRoute
  what: string
  text: string
  api?: Expected
  stream?: Expected
}

const FORBIDDEN = [
  '\u0000',
  '\u0001',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u009f',
  '\u00ad',
  '\u061c',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u2060',
  '\ufeff',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u2028',
  '\u2029',
  '\u{e0001}',
]
const ODD_NUMBERS = ['1e400', '-1e400', '-0', '1E-400', '123456789012345678901234567890', '-1', '0.5']
const WRONG_TYPES = ['true', 'false', 'null', '[]', '{}', '0', '[["x"]]', '{"a":1}', '""', '"x"']
const NOT_MONEY = ['1e400', '-0', '-10', '0.001', 'NaN', 'Infinity', '£-1', '99999999999999999999', '0', ' 10']
const NOT_OBJECTS = ['[]', '"bet"', '1', 'null', 'true', '-0', '1e400', '[{}]', '[[[]]]']
const NOT_JSON = ['{', '{"a":}', "{'a':1}", '{"a":1,}', '{a:1}', '{"a":NaN}', '{"a":1} // x', '{"a":"\\x"}', '}{']
const HOLE = '@@hole@@'

/**
 * A deterministic corpus of bodies every one of which the engine must refuse
 * with a 4xx, for the given routes: nesting past the depth limit, duplicate
 * keys (plain and escaped), controls, format characters and lone surrogates
 * in every id and name, odd numbers, wrong types, prototype keys, very long
 * strings, non-object tops and text that is not JSON.
 *
 * @example
 *   declare const routes: HostileRoute[]
 *   const corpus = hostileBodies(routes, 2026, 40)
 *   corpus.length // 40 per route
 */
export function hostileBodies(routes: HostileRoute[], seed: number, perRoute: number): HostileBody[] {
  const random = seeded(seed)
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const corpus: HostileBody[] = []
  for (const route of routes) {
    for (let n = 0; n < perRoute; n++) corpus.push(spoil(route, n, { int, pick, random }))
  }
  return corpus
}

interface Dice {
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  random(): number
}

const SPOILERS = ['deep', 'duplicate', 'forbidden', 'surrogate', 'number', 'wrongType', 'prototype', 'long', 'text']
// The void route reads no field from its body: only its structure can be wrong.
const STRUCTURAL = ['deep', 'duplicate', 'notObject', 'notJson']

function spoil(route: HostileRoute, n: number, dice: Dice): HostileBody {
  const spoilers = route.names.length === 0 ? STRUCTURAL : [...SPOILERS, ...STRUCTURAL]
  const kind = spoilers[n % spoilers.length]!
  const body = (what: string, text: string, api?: Expected, stream: Expected | undefined = api): HostileBody => ({
    route,
    what: `${kind}: ${what}`,
    text,
    api,
    stream,
  })
  switch (kind) {
    case 'deep': {
      const depth = dice.pick([32, 33, 40, 100, 1000, 5000])
      const open = dice.pick(['[', '{"a":', 'mixed'])
      const deep = nested(depth, open, dice)
      const at = dice.pick([[], ...route.objects])
      const top = at.length === 0 ? 'x' : String(at[0])
      return body(
        `${depth} levels of ${open} at ${formatPath([...at, 'x'])}`,
        fill(withKey(route.base, at, 'x'), deep),
        { codes: ['too-deep'], field: top },
      )
    }
    case 'duplicate': {
      const at = dice.pick([[], ...route.objects])
      const keys = Object.keys(get(route.base, at) as object)
      const key = dice.pick(keys)
      const escaped = dice.random() < 0.5
      const spelt = escaped ? `\\u${key.charCodeAt(0).toString(16).padStart(4, '0')}${key.slice(1)}` : key
      const first = dice.random() < 0.5
      const text = duplicated(route.base, at, `"${spelt}":${JSON.stringify(dice.pick(['x', 1, null]))}`, first)
      return body(`${escaped ? 'escaped ' : ''}${formatPath([...at, key])} twice`, text, {
        codes: ['duplicate-key'],
        field: formatKeyPath([...at, key]),
      })
    }
    case 'forbidden': {
      const path = dice.pick(route.names)
      const char = dice.pick(FORBIDDEN)
      const value = String(get(route.base, path))
      const i = dice.int(0, value.length)
      const spoilt = value.slice(0, i) + char + value.slice(i)
      const raw = char.charCodeAt(0) >= 0x20 && dice.random() < 0.5
      const quoted = raw ? `"${spoilt}"` : JSON.stringify(spoilt).replace(char, escapeAll(char))
      const code = char.codePointAt(0)!.toString(16).toUpperCase()
      const what = `U+${code} ${raw ? 'raw' : 'escaped'} in ${formatPath(path)}`
      return body(what, fill(setAt(route.base, path, HOLE), quoted), {
        codes: ['invalid-field'],
        field: formatPath(path),
      })
    }
    case 'surrogate': {
      const path = dice.pick(route.names)
      const half = dice.pick(['\\ud800', '\\udbff', '\\udc00', '\\udfff'])
      const value = JSON.stringify(String(get(route.base, path))).slice(1, -1)
      const spoilt = dice.random() < 0.5 ? `"${half}${value}"` : `"${value}${half}"`
      return body(`${half} in ${formatPath(path)}`, fill(setAt(route.base, path, HOLE), spoilt), {
        codes: ['invalid-field'],
        field: formatPath(path),
      })
    }
    case 'number': {
      const path = dice.pick([...route.required, ...route.flags])
      const number = dice.pick(ODD_NUMBERS)
      return body(`${number} as ${formatPath(path)}`, fill(setAt(route.base, path, HOLE), number), {
        codes: ['invalid-field'],
        field: formatPath(path),
      })
    }
    case 'wrongType': {
      const path = dice.pick(route.required)
      const wrong = dice.pick(WRONG_TYPES.filter((text) => !sameType(text, get(route.base, path))))
      return body(`${wrong} as ${formatPath(path)}`, fill(setAt(route.base, path, HOLE), wrong), {
        codes: ['invalid-field', 'missing-field'],
        field: formatPath(path),
      })
    }
    case 'prototype': {
      const path = dice.pick(route.required.filter((required) => typeof required[required.length - 1] === 'string'))
      const key = path[path.length - 1]!
      const parent = path.slice(0, -1)
      const holder = dice.pick(['__proto__', 'constructor'])
      const hidden =
        holder === '__proto__' ? { [key]: get(route.base, path) } : { prototype: { [key]: get(route.base, path) } }
      const text = fill(withKey(without(route.base, path), parent, holder), JSON.stringify(hidden))
      return body(`${formatPath(path)} only in ${holder}`, text, {
        codes: ['missing-field'],
        field: formatPath(path),
      })
    }
    case 'long': {
      const path = dice.pick(route.names)
      const length = dice.pick([201, 1000, 10_000])
      const long = dice.pick(['a', 'é', '𝔸', 'e\u0301']).repeat(length)
      return body(
        `${length} characters in ${formatPath(path)}`,
        fill(setAt(route.base, path, HOLE), JSON.stringify(long)),
        {
          codes: ['invalid-field'],
          field: formatPath(path),
        },
      )
    }
    case 'text': {
      const path = dice.pick(route.texts)
      const text = dice.pick(NOT_MONEY)
      return body(`"${text}" as ${formatPath(path)}`, fill(setAt(route.base, path, HOLE), JSON.stringify(text)), {
        codes: ['invalid-field'],
        field: formatPath(path),
      })
    }
    case 'notObject': {
      const text = dice.pick(NOT_OBJECTS)
      return body(text, text, { codes: ['invalid-json'] }, { codes: ['invalid-field'], field: 'command' })
    }
    default: {
      const text = dice.pick(NOT_JSON)
      return body(text, text, { codes: ['invalid-json'] })
    }
  }
}

/**
 * A body's text as a `/stream` line: the route's `type` (and the path's
 * event) added at the front of its top-level object.
 *
 * @example
 *   declare const body: HostileBody
 *   streamLine(body) // '{"type":"bet","customer":…'
 */
export function streamLine(body: HostileBody): string {
  const { route, text } = body
  if (!text.startsWith('{')) return text
  return `{"type":"${route.type}",${route.event === undefined ? '' : `"event":"${route.event}",`}${text.slice(1)}`
}

/**
 * A path as refusals name fields: `legs[0].runner`.
 *
 * @example
 *   formatPath(['legs', 0, 'runner']) // 'legs[0].runner'
 */
export function formatPath(path: Path): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('')
}

// As readStrictJson names a duplicate key's place: a key that is not a plain word in ["…"].
function formatKeyPath(path: Path): string {
  return path
    .map((part, i) =>
      typeof part === 'number'
        ? `[${part}]`
        : !/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(part)
          ? `[${JSON.stringify(part)}]`
          : i === 0
            ? part
            : `.${part}`,
    )
    .join('')
}

function nested(depth: number, open: string, dice: Dice): string {
  let text = '1'
  for (let i = 0; i < depth; i++) {
    const array = open === '[' || (open === 'mixed' && dice.random() < 0.5)
    text = array ? `[${text}]` : `{"a":${text}}`
  }
  return text
}

function clone<T>(value: T): T {
  return structuredClone(value)
}

function get(value: unknown, path: Path): unknown {
  let at = value
  for (const part of path) at = (at as Record<string | number, unknown>)[part]
  return at
}

function setAt(base: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> {
  const copy = clone(base)
  ;(get(copy, path.slice(0, -1)) as Record<string | number, unknown>)[path[path.length - 1]!] = value
  return copy
}

function withKey(base: Record<string, unknown>, at: Path, key: string): Record<string, unknown> {
  const copy = clone(base)
  ;(get(copy, at) as Record<string, unknown>)[key] = HOLE
  return copy
}

function without(base: Record<string, unknown>, path: Path): Record<string, unknown> {
  const copy = clone(base)
  const parent = get(copy, path.slice(0, -1))
  const key = path[path.length - 1]!
  if (Array.isArray(parent)) parent.splice(key as number, 1)
  else delete (parent as Record<string, unknown>)[key]
  return copy
}

// The body with `pair` written as the first (or last) member of the object at `at`, beside the key it repeats.
function duplicated(base: Record<string, unknown>, at: Path, pair: string, first: boolean): string {
  const marker = `"${HOLE}":0`
  const copy = clone(base)
  const target = get(copy, at) as Record<string, unknown>
  const entries = Object.entries(target)
  for (const key of Object.keys(target)) delete target[key]
  if (first) target[HOLE] = 0
  for (const [key, value] of entries) target[key] = value
  if (!first) target[HOLE] = 0
  return JSON.stringify(copy).replace(marker, pair)
}

function fill(body: Record<string, unknown>, raw: string): string {
  return JSON.stringify(body).replace(`"${HOLE}"`, raw)
}

function escapeAll(char: string): string {
  return char
    .split('')
    .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .join('')
}

function sameType(text: string, value: unknown): boolean {
  const parsed: unknown = JSON.parse(text)
  if (Array.isArray(value)) return Array.isArray(parsed) && parsed.length > 0
  return typeof parsed === typeof value && parsed !== null && !Array.isArray(parsed)
}
