// The stream's fast path: a bet line read straight from its bytes, with no
// JSON.parse and no objects. It takes only the plain form — ASCII strings
// without escapes, known keys once each, no id — and says false for anything
// else, which then goes the ordinary way (JSON.parse and every check with its
// message). So it never has to word a refusal, only to recognise a good line.
// It must never take what the JSON path refuses (readStrictJson's duplicate
// keys and depth, checkName's controls, format characters and non-NFC forms):
// it bails on any escape, any byte below 0x20 or above 0x7E and any repeated
// key, and nests three levels — ASCII without escapes is already NFC.

/** The most legs the fast path reads; the engine's limit. */
export const SCAN_MAX_LEGS = 20

/** A scanned bet: byte ranges in the block, and the stake already in pence. */
export class ScannedBet {
  customerStart = 0
  customerEnd = 0
  stakePence = 0
  eachWay = false
  legCount = 0
  readonly eventStart = new Int32Array(SCAN_MAX_LEGS)
  readonly eventEnd = new Int32Array(SCAN_MAX_LEGS)
  readonly runnerStart = new Int32Array(SCAN_MAX_LEGS)
  readonly runnerEnd = new Int32Array(SCAN_MAX_LEGS)
  readonly priceStart = new Int32Array(SCAN_MAX_LEGS)
  readonly priceEnd = new Int32Array(SCAN_MAX_LEGS)
}

const QUOTE = 34
const FAIL = -1
// Bits for the keys seen, to refuse duplicates.
const TYPE = 1
const CUSTOMER = 2
const STAKE = 4
const EACH_WAY = 8
const LEGS = 16
const EVENT = 1
const RUNNER = 2
const PRICE = 4

/**
 * Reads `bytes[start, end)` as a bet command if it is in the plain form, into
 * `out`; false if not (the line must then be parsed as JSON).
 *
 * @example
 *   const scanned = new ScannedBet()
 *   scanBet(
 *     Buffer.from('{"type":"bet","customer":"c1","stake":"10","legs":[{"event":"R1","runner":"A","price":"5/1"}]}'),
 *     0,
 *     93,
 *     scanned,
 *   ) // true
 */
export function scanBet(b: Uint8Array, start: number, end: number, out: ScannedBet): boolean {
  let p = ws(b, start, end)
  if (b[p] !== 123) return false
  let seen = 0
  p = ws(b, p + 1, end)
  for (;;) {
    const keyStart = p + 1
    if (b[p] !== QUOTE) return false
    p = str(b, keyStart, end)
    if (p === FAIL) return false
    const keyEnd = p
    p = ws(b, p + 1, end)
    if (b[p] !== 58) return false
    p = ws(b, p + 1, end)
    const key = topKey(b, keyStart, keyEnd)
    if (key === 0 || (seen & key) !== 0) return false
    seen |= key
    if (key === LEGS) {
      p = legs(b, p, end, out)
      if (p === FAIL) return false
    } else if (key === EACH_WAY) {
      if (is(b, p, TRUE)) {
        out.eachWay = true
        p += 4
      } else if (is(b, p, FALSE)) {
        out.eachWay = false
        p += 5
      } else return false
    } else {
      const valueStart = p + 1
      if (b[p] !== QUOTE) return false
      p = str(b, valueStart, end)
      if (p === FAIL) return false
      if (key === TYPE && !(p - valueStart === 3 && is(b, valueStart, BET))) return false
      if (key === CUSTOMER) {
        if (!plainName(b, valueStart, p)) return false
        out.customerStart = valueStart
        out.customerEnd = p
      }
      if (key === STAKE) {
        out.stakePence = pence(b, valueStart, p)
        if (out.stakePence <= 0) return false
      }
      p++
    }
    p = ws(b, p, end)
    if (b[p] === 44) {
      p = ws(b, p + 1, end)
      continue
    }
    if (b[p] !== 125) return false
    p = ws(b, p + 1, end)
    break
  }
  if (p !== end || (seen | EACH_WAY) !== (TYPE | CUSTOMER | STAKE | EACH_WAY | LEGS)) return false
  if ((seen & EACH_WAY) === 0) out.eachWay = false
  return true
}

function legs(b: Uint8Array, p: number, end: number, out: ScannedBet): number {
  if (b[p] !== 91) return FAIL
  p = ws(b, p + 1, end)
  let count = 0
  for (;;) {
    if (b[p] !== 123 || count === SCAN_MAX_LEGS) return FAIL
    p = ws(b, p + 1, end)
    let seen = 0
    for (;;) {
      const keyStart = p + 1
      if (b[p] !== QUOTE) return FAIL
      p = str(b, keyStart, end)
      if (p === FAIL) return FAIL
      const key = legKey(b, keyStart, p)
      if (key === 0 || (seen & key) !== 0) return FAIL
      seen |= key
      p = ws(b, p + 1, end)
      if (b[p] !== 58) return FAIL
      p = ws(b, p + 1, end)
      const valueStart = p + 1
      if (b[p] !== QUOTE) return FAIL
      p = str(b, valueStart, end)
      if (p === FAIL) return FAIL
      if (key !== PRICE && !plainName(b, valueStart, p)) return FAIL
      if (key === EVENT) {
        out.eventStart[count] = valueStart
        out.eventEnd[count] = p
      } else if (key === RUNNER) {
        out.runnerStart[count] = valueStart
        out.runnerEnd[count] = p
      } else {
        out.priceStart[count] = valueStart
        out.priceEnd[count] = p
      }
      p = ws(b, p + 1, end)
      if (b[p] === 44) {
        p = ws(b, p + 1, end)
        continue
      }
      if (b[p] !== 125) return FAIL
      break
    }
    if (seen !== (EVENT | RUNNER | PRICE)) return FAIL
    count++
    p = ws(b, p + 1, end)
    if (b[p] === 44) {
      p = ws(b, p + 1, end)
      continue
    }
    if (b[p] !== 93) return FAIL
    out.legCount = count
    return p + 1
  }
}

// The closing quote of a string whose content starts at p, or FAIL for escapes, control or non-ASCII bytes.
function str(b: Uint8Array, p: number, end: number): number {
  for (; p < end; p++) {
    const c = b[p]!
    if (c === QUOTE) return p
    if (c === 92 || c < 32 || c > 126) return FAIL
  }
  return FAIL
}

function ws(b: Uint8Array, p: number, end: number): number {
  while (p < end && (b[p] === 32 || b[p] === 9 || b[p] === 13)) p++
  return p
}

// A name the ordinary checks would take as it is: 1–200 bytes, no space at either end.
function plainName(b: Uint8Array, start: number, end: number): boolean {
  return end > start && end - start <= 200 && b[start] !== 32 && b[end - 1] !== 32
}

// "10", "10.5", "10.50" → pence; 0 or less for anything else (leading zeros, too many digits, £).
function pence(b: Uint8Array, start: number, end: number): number {
  let p = start
  let pounds = 0
  while (p < end && b[p]! >= 48 && b[p]! <= 57) pounds = pounds * 10 + b[p++]! - 48
  const digits = p - start
  if (digits === 0 || digits > 13 || (digits > 1 && b[start] === 48)) return FAIL
  if (p === end) return pounds * 100
  if (b[p] !== 46) return FAIL
  const decimals = end - p - 1
  if (decimals < 1 || decimals > 2) return FAIL
  let fraction = 0
  for (let i = p + 1; i < end; i++) {
    const c = b[i]!
    if (c < 48 || c > 57) return FAIL
    fraction = fraction * 10 + c - 48
  }
  return pounds * 100 + (decimals === 1 ? fraction * 10 : fraction)
}

const TRUE = ascii('true')
const FALSE = ascii('false')
const BET = ascii('bet')
const TOP_KEYS: Array<[Uint8Array, number]> = [
  [ascii('type'), TYPE],
  [ascii('customer'), CUSTOMER],
  [ascii('stake'), STAKE],
  [ascii('eachWay'), EACH_WAY],
  [ascii('legs'), LEGS],
]
const LEG_KEYS: Array<[Uint8Array, number]> = [
  [ascii('event'), EVENT],
  [ascii('runner'), RUNNER],
  [ascii('price'), PRICE],
]

function topKey(b: Uint8Array, start: number, end: number): number {
  return keyOf(TOP_KEYS, b, start, end)
}

function legKey(b: Uint8Array, start: number, end: number): number {
  return keyOf(LEG_KEYS, b, start, end)
}

function keyOf(keys: Array<[Uint8Array, number]>, b: Uint8Array, start: number, end: number): number {
  for (const [name, bit] of keys) if (name.length === end - start && is(b, start, name)) return bit
  return 0
}

function is(b: Uint8Array, at: number, word: Uint8Array): boolean {
  for (let i = 0; i < word.length; i++) if (b[at + i] !== word[i]) return false
  return true
}

function ascii(text: string): Uint8Array {
  return Buffer.from(text, 'latin1')
}
