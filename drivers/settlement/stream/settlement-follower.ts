import type { ScenarioResource } from '../../core/driver-context.ts'
import type { ParlanceError } from '../../core/errors/parlance-error.ts'
import { SystemCompromisedError } from '../../core/errors/system-compromised-error.ts'
import type { EngineLink, LinkAnswer } from './engine-link.ts'
import { readSettlementLine, type Settlement } from './stream-lines.ts'
import type { StreamTranscript } from './stream-transcript.ts'

const source = 'GET /settlements'
// Long enough not to hammer an engine that is restarting, short enough to lose no time once it is back.
const reconnectDelayMs = 250

/**
 * Follows `GET /settlements` for one scenario, from the sequence number that
 * was newest when it started — read from `GET /health`, whose `settlements`
 * count is the newest sequence number (they are dense and start at 1), so no
 * scenario downloads the engine's history. It keeps the settlements of the
 * customers and events it is told to watch, by bet and by decision, and drops
 * everyone else's. A dropped connection (an engine restart) is resumed from
 * the last sequence number seen; a line that is not a settlement breaks it.
 *
 * @example
 *   declare const link: EngineLink, transcript: StreamTranscript
 *   const follower = new SettlementFollower(link, transcript); await follower.start()
 *   follower.watchCustomer('alice-r7k2'); follower.settlementsOf('b42') // [{ seq: 43, returns: £60.00, … }]
 */
export class SettlementFollower implements ScenarioResource {
  private after = 0
  private stopFollowing: (() => void) | undefined
  private retry: NodeJS.Timeout | undefined
  private closed = false
  private lastProblem: string | undefined
  private broken: ParlanceError | undefined
  private status = 'not started'
  private readonly customers = new Set<string>()
  private readonly events = new Set<string>()
  private readonly byBet = new Map<string, Settlement[]>()
  private readonly byDecision = new Map<string, number>()

  constructor(
    private readonly link: EngineLink,
    private readonly transcript: StreamTranscript,
  ) {}

  /** Reads the newest sequence number and follows the settlements after it. */
  async start(): Promise<void> {
    const answer = await this.link.exchange('GET', '/health')
    this.after = newestSequenceNumber(answer)
    this.transcript.note('GET /health', `${answer.text.trim()}: the newest settlement is ${this.after}`)
    this.follow()
  }

  /** Keeps the settlements of this customer's bets. */
  watchCustomer(customer: string): void {
    this.customers.add(customer)
  }

  /** Keeps the settlements this event's decisions cause. */
  watchEvent(event: string): void {
    this.events.add(event)
  }

  /** The bet's settlements seen so far, oldest first. */
  settlementsOf(bet: string): readonly Settlement[] {
    return this.byBet.get(bet) ?? []
  }

  /** How many settlements of one decision (an event's result, amendment or void) have been seen. */
  countOf(event: string, resultVersion: number): number {
    return this.byDecision.get(decisionKey(event, resultVersion)) ?? 0
  }

  /** Why the feed cannot be trusted, if it cannot: the engine sent a line that is not a settlement. */
  get failure(): ParlanceError | undefined {
    return this.broken
  }

  /** How the feed stands, in words for a failure message. */
  get state(): string {
    return this.status
  }

  /** Stops following and reconnecting. */
  close(): void {
    this.closed = true
    clearTimeout(this.retry)
    this.stopFollowing?.()
  }

  async dispose(): Promise<void> {
    this.close()
  }

  private follow(): void {
    const path = `/settlements?after=${this.after}`
    this.status = `following ${path}`
    if (this.lastProblem === undefined) this.transcript.note(source, `following ${path}`)
    this.stopFollowing = this.link.follow(path, {
      line: (text) => this.take(text),
      ended: (reason) => this.lost(reason),
    })
  }

  private lost(reason: string): void {
    if (this.closed) return
    this.status = `disconnected after settlement ${this.after} (${reason}); reconnecting every ${reconnectDelayMs} ms`
    if (reason !== this.lastProblem)
      this.transcript.note(source, `disconnected after settlement ${this.after}: ${reason}; reconnecting`)
    this.lastProblem = reason
    this.retry = setTimeout(() => this.follow(), reconnectDelayMs)
  }

  private take(text: string): void {
    if (this.broken) return
    let settlement: Settlement
    try {
      settlement = readSettlementLine(text)
    } catch (error) {
      this.broken = error as ParlanceError
      this.status = `stopped: ${this.broken.message}`
      this.transcript.received(source, text)
      this.close()
      return
    }
    if (this.lastProblem !== undefined) this.transcript.note(source, `resumed after settlement ${this.after}`)
    this.lastProblem = undefined
    if (settlement.seq <= this.after) return
    this.after = settlement.seq
    if (!this.customers.has(settlement.customer) && !this.events.has(settlement.event)) return
    this.transcript.received(source, text)
    this.byBet.set(settlement.bet, [...this.settlementsOf(settlement.bet), settlement])
    const key = decisionKey(settlement.event, settlement.resultVersion)
    this.byDecision.set(key, (this.byDecision.get(key) ?? 0) + 1)
  }
}

function decisionKey(event: string, resultVersion: number): string {
  return `${resultVersion} ${event}`
}

function newestSequenceNumber(answer: LinkAnswer): number {
  let settlements: unknown
  try {
    settlements = answer.status === 200 ? (JSON.parse(answer.text) as { settlements?: unknown }).settlements : undefined
  } catch {
    settlements = undefined
  }
  if (Number.isSafeInteger(settlements) && (settlements as number) >= 0) return settlements as number
  throw new SystemCompromisedError(
    `GET /health answered ${answer.status} ${answer.text.slice(0, 300) || '(empty)'}; expected 200 with ` +
      `{"status":"ok",…,"settlements":N}, the newest settlement's sequence number, to follow GET /settlements ` +
      `from. Is SETTLEMENT_URL the settlement engine?`,
    { context: { request: 'GET /health' } },
  )
}
