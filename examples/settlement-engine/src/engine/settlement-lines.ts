import { asciiBytes, type ByteWriter } from '../stream/byte-writer.ts'
import type { EngineState } from './engine-state.ts'
import { VOIDED } from './settlement-store.ts'

const SEQ = asciiBytes('{"seq":')
const BET = asciiBytes(',"bet":"b')
const QUOTE_CUSTOMER = asciiBytes('","customer":')
const BET_ID = asciiBytes(',"bet":')
const CUSTOMER = asciiBytes(',"customer":')
const QUOTE = asciiBytes('"')
const EVENT = asciiBytes(',"event":')
const VERSION = asciiBytes(',"resultVersion":')
const VOID_RETURNS = asciiBytes(',"status":"void","returns":"')
const SETTLED_RETURNS = asciiBytes(',"status":"settled","returns":"')
const END = asciiBytes('"}\n')

/**
 * Writes settlements `from` … `to` (sequence numbers, inclusive) as the NDJSON
 * lines `GET /settlements` streams, straight from the stores as bytes:
 * `{"seq":1,"bet":"b1","customer":"alice","event":"R1","resultVersion":1,"status":"settled","returns":"60.00"}`.
 *
 * @example
 *   import { ByteWriter } from '../stream/byte-writer.ts'
 *   declare const state: EngineState
 *   writeSettlementLines(state, 1, 2, new ByteWriter()) // two lines, each ending "\n"
 */
export function writeSettlementLines(state: EngineState, from: number, to: number, out: ByteWriter): void {
  const { settlements, customers, events, decisionEvent, decisionVersion } = state
  const clientIds = state.clientIdOf.size > 0
  for (let seq = from; seq <= to; seq++) {
    const bet = settlements.bet(seq)
    const decision = settlements.decision(seq)
    out.raw(SEQ).int(seq)
    const clientId = clientIds ? state.clientIdOf.get(bet) : undefined
    if (clientId === undefined)
      out
        .raw(BET)
        .int(bet + 1)
        .raw(QUOTE_CUSTOMER)
    else out.raw(BET_ID).utf8(JSON.stringify(clientId)).raw(CUSTOMER)
    const customer = settlements.customer(seq)
    if (customers.plainJson(customer))
      out.raw(QUOTE).bytes(customers.bytesOf(customer), customers.start(customer), customers.end(customer)).raw(QUOTE)
    else out.utf8(JSON.stringify(customers.text(customer)))
    out.raw(EVENT).raw(events[decisionEvent[decision]!]!.idJson).raw(VERSION).int(decisionVersion[decision]!)
    out
      .raw(settlements.status(seq) === VOIDED ? VOID_RETURNS : SETTLED_RETURNS)
      .money(settlements.returns(seq))
      .raw(END)
  }
}
