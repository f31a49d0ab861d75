import { SystemCompromisedError } from '../../core/errors/system-compromised-error.ts'
import { Money } from '../../core/values/money.ts'
import type { Odds } from '../../core/values/odds.ts'

/**
 * One command line of `POST /stream`, in the engine's wire format (see
 * docs/examples/settlement-api.md, "Streams"): money in pounds, prices as text.
 *
 * @example
 *   const line: CommandLine = { type: 'void', event: 'r1' }
 *   const bet: CommandLine = {
 *     type: 'bet',
 *     customer: 'alice-r7k2',
 *     stake: '10.00',
 *     eachWay: false,
 *     legs: [{ event: 'r1', runner: 'Red Rum', price: '5/1' }],
 *   }
 */
export type CommandLine =
  | {
      type: 'event'
      id: string
      name: string
      handicap: boolean
      runners: string[]
      placeTerms?: { fraction: string; places: number }
    }
  | { type: 'withdrawal'; event: string; runner: string; price: string; late: boolean }
  | {
      type: 'bet'
      customer: string
      stake: string
      eachWay: boolean
      legs: Array<{ event: string; runner: string; price: string }>
    }
  | { type: 'result'; event: string; placings: string[][]; startingPrices?: Record<string, string> }
  | { type: 'void'; event: string }

/**
 * The engine's answer to one command line: the API's response body with
 * `"ok":true` in front, or the refusal.
 *
 * @example
 *   const taken: OutcomeLine = { ok: true, fields: { id: 'b3', status: 'open', totalStake: '5.00' } }
 *   const refused: OutcomeLine = {
 *     ok: false,
 *     error: { code: 'unknown-runner', message: '"Arkel" is not a runner in event "r3"; …', field: 'legs[0].runner' },
 *   }
 */
export type OutcomeLine =
  | { ok: true; fields: Readonly<Record<string, unknown>> }
  | { ok: false; error: { code: string; message: string; field?: string } }

/**
 * One line of `GET /settlements`, with its returns read as Money.
 *
 * @example
 *   const settlement: Settlement = readSettlementLine(
 *     '{"seq":3,"bet":"b1","customer":"alice","event":"r1","resultVersion":2,"status":"settled","returns":"20.00"}',
 *   )
 *   settlement
 *   // → { seq: 3, bet: 'b1', customer: 'alice', event: 'r1', resultVersion: 2, status: 'settled', returns: £20.00 }
 */
export interface Settlement {
  seq: number
  bet: string
  customer: string
  event: string
  resultVersion: number
  status: 'settled' | 'void'
  returns: Money
}

/**
 * A leg's price as the engine takes it: the odds (`5/2`, `evens`, `SP`), or
 * the text as the punter wrote it when it is not odds, for the engine to refuse.
 *
 * @example
 *   priceText({ price: Odds.parse('5/2') }) // '5/2'
 *   priceText({ price: Odds.SP, priceAsWritten: '5-1' }) // '5-1'
 */
export function priceText(leg: { price: Odds; priceAsWritten?: string }): string {
  return leg.priceAsWritten ?? leg.price.toWire()
}

/**
 * Reads an outcome line of `POST /stream`; a line that is not one means the
 * engine is broken: SystemCompromisedError.
 *
 * @example
 *   readOutcomeLine('{"ok":true,"id":"b3","status":"open","totalStake":"5.00"}')
 *   // → { ok: true, fields: { id: 'b3', … } }
 *   readOutcomeLine('{"ok":false,"error":{"code":"duplicate-id","message":"…"}}').ok // false
 */
export function readOutcomeLine(text: string): OutcomeLine {
  const value = parseObject(text, 'POST /stream', 'an outcome line')
  if (value.ok === true) {
    const { ok: _, ...fields } = value
    return { ok: true, fields }
  }
  const error = value.error as Record<string, unknown> | undefined
  if (value.ok === false && typeof error?.code === 'string' && typeof error.message === 'string') {
    return {
      ok: false,
      error: {
        code: error.code,
        message: error.message,
        ...(typeof error.field === 'string' ? { field: error.field } : {}),
      },
    }
  }
  throw notA(
    'POST /stream',
    'an outcome line',
    text,
    'it has neither "ok":true nor "ok":false with an error code and message',
  )
}

/**
 * Reads a line of `GET /settlements`; a line that is not a settlement means
 * the engine is broken: SystemCompromisedError.
 *
 * @example
 *   readSettlementLine(
 *     '{"seq":1,"bet":"b1","customer":"alice","event":"r1","resultVersion":1,"status":"settled","returns":"60.00"}',
 *   ).returns // £60.00
 *   readSettlementLine('{"seq":1}') // throws SystemCompromisedError
 */
export function readSettlementLine(text: string): Settlement {
  const value = parseObject(text, 'GET /settlements', 'a settlement line')
  const { seq, bet, customer, event, resultVersion, status, returns } = value
  const wellFormed =
    Number.isSafeInteger(seq) &&
    typeof bet === 'string' &&
    typeof customer === 'string' &&
    typeof event === 'string' &&
    Number.isSafeInteger(resultVersion) &&
    (status === 'settled' || status === 'void') &&
    typeof returns === 'string' &&
    /^\d+\.\d\d$/.test(returns)
  if (!wellFormed)
    throw notA(
      'GET /settlements',
      'a settlement line',
      text,
      'expected seq, bet, customer, event, resultVersion, status (settled or void) and returns ("10.00")',
    )
  return {
    seq: seq as number,
    bet,
    customer,
    event,
    resultVersion: resultVersion as number,
    status,
    returns: Money.fromWire(returns),
  }
}

/**
 * A string field of an accepted outcome, or SystemCompromisedError naming the command.
 *
 * @example
 *   const outcome = { fields: { id: 'b3', status: 'open', totalStake: '5.00' } }
 *   textField(outcome, 'id', 'bet') // 'b3'
 *   textField(outcome, 'bet', 'bet') // throws SystemCompromisedError: the outcome has no "bet"
 */
export function textField(
  outcome: { fields: Readonly<Record<string, unknown>> },
  name: string,
  command: string,
): string {
  const value = outcome.fields[name]
  if (typeof value === 'string') return value
  throw missingField(outcome, name, command, 'a string')
}

/**
 * A whole-number field of an accepted outcome, or SystemCompromisedError naming the command.
 *
 * @example
 *   countField({ fields: { deduction: 25 } }, 'deduction', 'withdrawal') // 25
 *   countField({ fields: { settled: 3 } }, 'settled', 'result') // 3
 */
export function countField(
  outcome: { fields: Readonly<Record<string, unknown>> },
  name: string,
  command: string,
): number {
  const value = outcome.fields[name]
  if (Number.isSafeInteger(value)) return value as number
  throw missingField(outcome, name, command, 'a whole number')
}

/**
 * A money field of an accepted outcome (`"20.00"`), or SystemCompromisedError naming the command.
 *
 * @example
 *   moneyField({ fields: { totalStake: '20.00' } }, 'totalStake', 'bet') // £20.00
 *   moneyField({ fields: { totalStake: 20 } }, 'totalStake', 'bet') // throws SystemCompromisedError
 */
export function moneyField(
  outcome: { fields: Readonly<Record<string, unknown>> },
  name: string,
  command: string,
): Money {
  const value = outcome.fields[name]
  if (typeof value === 'string' && /^\d+\.\d\d$/.test(value)) return Money.fromWire(value)
  throw missingField(outcome, name, command, 'money, e.g. "10.00"')
}

function parseObject(text: string, source: string, what: string): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw notA(source, what, text, `it is not JSON (${(error as Error).message})`, error)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw notA(source, what, text, 'it is not a JSON object')
  return value as Record<string, unknown>
}

function notA(source: string, what: string, text: string, why: string, cause?: unknown): SystemCompromisedError {
  const shown = text.length > 300 ? `${text.slice(0, 300)}… (${text.length - 300} more characters)` : text
  return new SystemCompromisedError(
    `${source} sent ${JSON.stringify(shown)}, which is not ${what}: ${why}. The engine is not speaking the ` +
      `stream format of docs/examples/settlement-api.md; check its version and its log`,
    {
      cause,
      context: { request: source },
    },
  )
}

function missingField(
  outcome: { fields: Readonly<Record<string, unknown>> },
  name: string,
  command: string,
  kind: string,
): SystemCompromisedError {
  return new SystemCompromisedError(
    `POST /stream accepted a ${command} command, but its outcome line has no "${name}" (${kind}): ` +
      `${JSON.stringify({ ok: true, ...outcome.fields })}. The engine is not speaking the stream format of ` +
      `docs/examples/settlement-api.md; check its version`,
    { context: { request: `POST /stream (${command})` } },
  )
}
