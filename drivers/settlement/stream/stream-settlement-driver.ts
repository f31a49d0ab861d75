import type { AliasedName } from '../../core/aliased-name.ts'
import type { DriverContext } from '../../core/driver-context.ts'
import type { DurationInput } from '../../core/duration-input.ts'
import { AssertionFailedError } from '../../core/errors/assertion-failed-error.ts'
import { NotApplicableError } from '../../core/errors/not-applicable-error.ts'
import { eventually } from '../../core/eventually.ts'
import type {
  BetOutcome,
  BetSlip,
  PunterBet,
  RaceCard,
  RaceResult,
  SettlementDriver,
  Withdrawal,
} from '../settlement-driver.ts'
import { EngineLink } from './engine-link.ts'
import { SettlementFollower } from './settlement-follower.ts'
import { StreamBook } from './stream-book.ts'
import { countField, moneyField, priceText, textField, type CommandLine, type OutcomeLine } from './stream-lines.ts'
import { StreamSession } from './stream-session.ts'
import { StreamTranscript } from './stream-transcript.ts'

/**
 * Options of the stream driver; the defaults suit a local engine.
 *
 * @example
 *   declare const ctx: DriverContext
 *   new StreamSettlementDriver(ctx, { settleTimeout: '10s' })
 *   new StreamSettlementDriver(ctx, { requestTimeout: '30s' }) // a slow remote engine
 */
export interface StreamDriverOptions {
  /** How long `betsOf` waits for the settlements of the scenario's results; default 5s. */
  settleTimeout?: DurationInput
  /** How long one command may wait for its outcome line; default 10s. */
  requestTimeout?: DurationInput
}

/**
 * The settlement engine through its NDJSON streams: every command is a line
 * to `POST /stream` (see StreamSession for why one POST per command), and
 * settlements are read from `GET /settlements`, followed from the scenario's
 * start (see SettlementFollower). Like any stream consumer it keeps its own
 * book: stake, each-way and legs come from the slips it sent. So a bet it did
 * not place — through another channel, in an earlier run, before it was made
 * — is not in `betsOf`: the stream tells nothing of a bet but its
 * settlements. Its own bets survive an engine restart (the book is here, and
 * the stream is resumed). The stream carries no breakdown, so `breakdown` is
 * never set. Every connection is closed when the scenario ends, and the lines
 * sent and received are attached if it failed.
 *
 * @example
 *   declare const ctx: DriverContext, card: RaceCard, slip: BetSlip
 *   const driver = new StreamSettlementDriver(ctx)
 *   await driver.scheduleRace(card); const outcome = await driver.placeBet(slip)
 */
export class StreamSettlementDriver implements SettlementDriver {
  private readonly session: StreamSession
  private readonly follower: SettlementFollower
  private readonly book = new StreamBook()
  private readonly settleTimeout: DurationInput
  private following: Promise<void> | undefined

  constructor(
    private readonly ctx: DriverContext,
    options: StreamDriverOptions = {},
  ) {
    const transcript = new StreamTranscript()
    const link = new EngineLink(ctx.systemUrl('SETTLEMENT_URL'), { timeout: options.requestTimeout })
    this.session = new StreamSession(link, transcript, ctx)
    this.follower = new SettlementFollower(link, transcript)
    this.settleTimeout = options.settleTimeout ?? '5s'
    // Disposed last tracked first: stop following, close the connections, then attach the whole transcript.
    ctx.track(transcript)
    ctx.track(link)
    ctx.track(this.follower)
  }

  async scheduleRace(card: RaceCard): Promise<void> {
    this.follower.watchEvent(card.race)
    const { race, name, handicap, runners, placeTerms } = card
    const outcome = await this.send({
      type: 'event',
      id: race,
      name,
      handicap,
      runners: [...runners],
      ...(placeTerms === undefined ? {} : { placeTerms: { ...placeTerms } }),
    })
    requireAccepted(outcome, 'scheduleRace', `race "${race}"`)
  }

  async withdrawRunner({ race, runner, price, late }: Withdrawal): Promise<{ rule4Pence: number }> {
    const outcome = await this.send({ type: 'withdrawal', event: race, runner, price: price.toWire(), late })
    return {
      rule4Pence: countField(
        requireAccepted(outcome, 'withdrawRunner', `the withdrawal of "${runner}" from race "${race}"`),
        'deduction',
        'withdrawal',
      ),
    }
  }

  async placeBet(slip: BetSlip): Promise<BetOutcome> {
    this.follower.watchCustomer(slip.punter)
    const legs = slip.legs.map((leg) => ({ event: leg.race, runner: leg.runner, price: priceText(leg) }))
    const outcome = await this.send({
      type: 'bet',
      customer: slip.punter,
      stake: slip.stake.toWire(),
      eachWay: slip.eachWay,
      legs,
    })
    if (!outcome.ok) return { taken: false, reason: outcome.error.message }
    const betId = textField(outcome, 'id', 'bet')
    const totalStake = moneyField(outcome, 'totalStake', 'bet')
    this.book.placed({ betId, slip, totalStake })
    return { taken: true, betId, totalStake }
  }

  declareResult(result: RaceResult): Promise<void> {
    return this.decide(result, 'declareResult', 'result')
  }

  amendResult(result: RaceResult): Promise<void> {
    return this.decide(result, 'amendResult', 'amended result')
  }

  async voidRace(race: AliasedName): Promise<void> {
    const outcome = await this.send({ type: 'void', event: race })
    this.recordDecision(race, requireAccepted(outcome, 'voidRace', `the void of race "${race}"`), 'void')
  }

  async betsOf(punter: AliasedName, options: { breakdown?: boolean } = {}): Promise<PunterBet[]> {
    if (options.breakdown) {
      throw new NotApplicableError(
        this.ctx.channel,
        'betsOf',
        "the settlements stream carries each bet's returns, not the breakdown of how they were worked out",
      )
    }
    await eventually(
      () => {
        if (this.follower.failure) return true
        const awaited = this.book.awaited((event, version) => this.follower.countOf(event, version))
        if (awaited.length > 0)
          throw new Error(`still waiting for ${awaited.join('; ')}; the settlements stream is ${this.follower.state}`)
        return true
      },
      {
        timeout: this.settleTimeout,
        interval: '10ms',
        description:
          `the settlements stream to carry every settlement of this scenario's results before reading the bets ` +
          `of "${punter}"`,
      },
    )
    if (this.follower.failure) throw this.follower.failure
    return this.book.betsOf(punter, (betId) => this.follower.settlementsOf(betId))
  }

  private async decide({ race, placings, startingPrices }: RaceResult, method: string, what: string): Promise<void> {
    const prices = Object.fromEntries([...startingPrices].map(([runner, price]) => [runner, price.toWire()]))
    const command: CommandLine = {
      type: 'result',
      event: race,
      placings: placings.map((group) => [...group]),
      ...(startingPrices.size > 0 ? { startingPrices: prices } : {}),
    }
    this.recordDecision(race, requireAccepted(await this.send(command), method, `the ${what} of race "${race}"`), what)
  }

  private recordDecision(race: AliasedName, outcome: Accepted, what: string): void {
    this.book.decided({
      race,
      version: countField(outcome, 'version', what),
      settled: countField(outcome, 'settled', what),
      what,
    })
  }

  // The follower must know the newest sequence number before the first command can cause a settlement.
  private async send(command: CommandLine): Promise<OutcomeLine> {
    this.following ??= this.follower.start().catch((error: unknown) => {
      this.following = undefined
      throw error
    })
    await this.following
    return this.session.send(command)
  }
}

type Accepted = Extract<OutcomeLine, { ok: true }>

function requireAccepted(outcome: OutcomeLine, method: string, what: string): Accepted {
  if (outcome.ok) return outcome
  const { code, message, field } = outcome.error
  throw new AssertionFailedError(
    `${method}: the engine refused ${what}: ${message} (${code}${field === undefined ? '' : `, field ${field}`})`,
    {
      context: { request: `POST /stream ${method}` },
    },
  )
}
