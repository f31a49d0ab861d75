import type { CommandOutcome, Refusal } from '../commands.ts'
import { InvalidValueError } from '../arithmetic/index.ts'
import { asciiBytes, type ByteWriter } from '../stream/byte-writer.ts'
import { ScannedBet, scanBet, SCAN_MAX_LEGS } from '../stream/scan-bet.ts'
import { ABSENT } from './byte-keys.ts'
import type { EngineState } from './engine-state.ts'
import { outcomeLine } from './outcome-line.ts'
import { storeBet } from './store-bet.ts'
import { readStrictJson } from './strict-json.ts'

const BET_OPEN = asciiBytes('{"ok":true,"id":"b')
const BET_STAKE = asciiBytes('","status":"open","totalStake":"')
const BET_END = asciiBytes('"}\n')

/** What a block of command lines came to. */
export interface AppliedBlock {
  accepted: number
  refused: number
  /** The accepted lines, as slices of the block (refused ones cut out), for the log. */
  lines: Buffer[]
}

/** Told of a refused line: its offset in the block and the refusal. Throw to stop. */
export type OnRefused = (lineStart: number, refusal: Refusal) => void

/**
 * Applies a block of NDJSON command lines (each ending in "\n") in order:
 * the stream, `ingest` and the start-up replay all go through here. A plain
 * bet line takes the byte fast path (`scanBet`, then lookups by bytes); every
 * other line is read by `readStrictJson` (the API's reader: depth and
 * duplicate-key limits) and applied by `EngineState.apply`. Both paths store
 * bets with `storeBet`, so they cannot disagree; the fast path takes only
 * ASCII without escapes, so its names are already NFC with no controls.
 *
 * @example
 *   declare const state: EngineState
 *   const applier = new BlockApplier(state)
 *   const done = applier.apply(Buffer.from('{"type":"void","event":"R1"}\n'), new ByteWriter())
 *   done.accepted // 1
 */
export class BlockApplier {
  private readonly scanned = new ScannedBet()
  private readonly legEvents = new Int32Array(SCAN_MAX_LEGS)
  private readonly legRunners = new Int32Array(SCAN_MAX_LEGS)
  private readonly legPrices = new Int32Array(SCAN_MAX_LEGS)

  constructor(private readonly state: EngineState) {}

  /** Applies every line; writes one outcome line per command to `out` when given. */
  apply(block: Buffer, out: ByteWriter | undefined, onRefused?: OnRefused): AppliedBlock {
    const lines: Buffer[] = []
    let accepted = 0
    let refused = 0
    let runStart = 0
    for (let start = 0; start < block.length; ) {
      let end = block.indexOf(10, start)
      if (end === -1) end = block.length
      const next = end + 1
      if (!isBlank(block, start, end)) {
        const row = scanBet(block, start, end, this.scanned) ? this.storeScanned(block) : -1
        if (row >= 0) {
          accepted++
          out
            ?.raw(BET_OPEN)
            .int(row + 1)
            .raw(BET_STAKE)
            .money(this.state.bets.stake(row) * (this.scanned.eachWay ? 2 : 1))
            .raw(BET_END)
        } else {
          const outcome = this.applyJson(block.toString('utf8', start, end))
          out?.utf8(outcomeLine(outcome))
          if (outcome.ok) accepted++
          else {
            refused++
            onRefused?.(start, outcome)
            if (start > runStart) lines.push(block.subarray(runStart, start))
            runStart = next
          }
        }
      }
      start = next
    }
    if (runStart < block.length) lines.push(block.subarray(runStart))
    return { accepted, refused, lines }
  }

  private applyJson(text: string): CommandOutcome {
    const read = readStrictJson(text, 'line')
    return read.ok ? this.state.apply(read.value) : read
  }

  // The fast path's checks; -1 sends the line the JSON way, which words any refusal.
  private storeScanned(block: Buffer): number {
    const { state, scanned } = this
    for (let i = 0; i < scanned.legCount; i++) {
      const index = state.eventKeys.find(block, scanned.eventStart[i]!, scanned.eventEnd[i]!)
      if (index === ABSENT) return -1
      const event = state.events[index]!
      if (event.status !== 'open') return -1
      for (let j = 0; j < i; j++) if (this.legEvents[j] === index) return -1
      const runner = event.runnerKeys.find(block, scanned.runnerStart[i]!, scanned.runnerEnd[i]!)
      if (runner === ABSENT || event.withdrawn[runner] === 1) return -1
      try {
        this.legPrices[i] = state.prices.internBytes(block, scanned.priceStart[i]!, scanned.priceEnd[i]!)
      } catch (error) {
        if (error instanceof InvalidValueError) return -1
        throw error
      }
      this.legEvents[i] = index
      this.legRunners[i] = runner
    }
    const customer = state.customers.intern(block, scanned.customerStart, scanned.customerEnd)
    return storeBet(
      state,
      customer,
      scanned.stakePence,
      scanned.eachWay,
      scanned.legCount,
      this.legEvents,
      this.legRunners,
      this.legPrices,
      undefined,
    )
  }
}

function isBlank(block: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const byte = block[i]
    if (byte !== 32 && byte !== 9 && byte !== 13) return false
  }
  return true
}
