import { request, type IncomingMessage } from 'node:http'
import type { ChaosEngine } from './chaos-engine.ts'
import type { ChaosLedger, PlacedBet } from './chaos-ledger.ts'
import type { SeededRandom } from './prng.ts'

const RUNNERS = ['Red Rum', 'Aldaniti', 'Corbiere', 'Crisp', 'Rag Trade']
const PRICES = ['evens', '2/1', '5/2', '9/4', '7/1', '3.5']
/** Customers the bets are spread over; the final check lists each one's bets. */
export const CUSTOMERS = Array.from({ length: 8 }, (_, index) => `chaos-c${index}`)

/**
 * What the clients of `chaos:settlement` share: the engine, the ledger, the
 * seeded choices, the open events, and whether to go on.
 *
 * @example
 *   declare const chaos: Chaos
 *   await Promise.all([placeBets(chaos, 1), streamBets(chaos), runRaces(chaos)])
 */
export interface Chaos {
  engine: ChaosEngine
  ledger: ChaosLedger
  random: SeededRandom
  /** Events created and not yet resulted: the ones to bet on. */
  open: string[]
  running(): boolean
}

/**
 * Calls `attempt` with the engine's URL; if it fails (the engine was killed
 * under it), waits for the next start and, with `retry`, tries again there.
 * Resolves with the answer, or undefined when it gave up.
 *
 * @example
 *   declare const chaos: Chaos
 *   const answer = await onEngine(chaos, true, (url) => postJson(url, '/events/e1/result', { placings: [['A']] }))
 */
export async function onEngine<T>(
  chaos: Chaos,
  retry: boolean,
  attempt: (url: string) => Promise<T>,
): Promise<T | undefined> {
  for (;;) {
    const url = chaos.engine.generation === 0 ? await chaos.engine.startedAfter(0) : chaos.engine.url
    const generation = chaos.engine.generation
    if (url === undefined) return undefined
    try {
      return await attempt(url)
    } catch {
      if ((await chaos.engine.startedAfter(generation)) === undefined || !retry) return undefined
    }
  }
}

/**
 * A POST with a JSON body; resolves with the status and the parsed answer.
 *
 * @example
 *   const { status, body } = await postJson('http://127.0.0.1:8080', '/bets', { customer: 'a', stake: '1', legs: [] })
 */
export async function postJson(url: string, path: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: await response.json() }
}

/**
 * One HTTP writer: places single bets with ids `w<writer>-<n>` on open events
 * until the run stops. A bet whose answer a kill cut off is not retried: it
 * is counted as unanswered, and may or may not be there.
 *
 * @example
 *   declare const chaos: Chaos
 *   await placeBets(chaos, 1)
 */
export async function placeBets(chaos: Chaos, writer: number): Promise<void> {
  for (let n = 1; chaos.running(); n++) {
    const [id, bet, command] = nextBet(chaos, `w${writer}-${n}`, 'http')
    if (id === undefined) {
      await pause(20)
      continue
    }
    const { type: _, ...body } = command
    const answer = await onEngine(chaos, false, (url) => postJson(url, '/bets', body))
    if (answer === undefined) chaos.ledger.unanswered++
    else if (answer.status === 201) chaos.ledger.acknowledge(id, bet)
    else if (!isEventClosed(answer.body))
      chaos.ledger.violate('unexpected answer', `POST /bets ${id}: ${answer.status} ${JSON.stringify(answer.body)}`)
  }
}

/**
 * The stream writer: POST /stream sessions of 0.3–1.5 s, a bet line every
 * 5 ms (ids `s-<n>`); each outcome line acknowledges the bet it answers.
 *
 * @example
 *   declare const chaos: Chaos
 *   await streamBets(chaos)
 */
export async function streamBets(chaos: Chaos): Promise<void> {
  const counter = { n: 0 }
  while (chaos.running()) {
    const sent: Array<[string, PlacedBet]> = []
    let answered = 0
    await onEngine(chaos, false, (url) =>
      streamSession(chaos, url, counter, sent, (line) => {
        const [id, bet] = sent[answered++]!
        const outcome = JSON.parse(line) as { ok: boolean }
        if (outcome.ok) chaos.ledger.acknowledge(id, bet)
        else if (!isEventClosed(outcome)) chaos.ledger.violate('unexpected answer', `POST /stream ${id}: ${line}`)
      }),
    )
    chaos.ledger.unanswered += sent.length - answered
  }
}

function streamSession(
  chaos: Chaos,
  url: string,
  counter: { n: number },
  sent: Array<[string, PlacedBet]>,
  onOutcome: (line: string) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/x-ndjson' }
    const req = request(`${url}/stream`, { method: 'POST', headers }, (res) => {
      if (res.statusCode !== 200) {
        chaos.ledger.violate('unexpected answer', `POST /stream: ${res.statusCode}`)
        req.destroy()
      }
      readLines(res, onOutcome).then(resolve, reject)
    })
    req.on('error', reject)
    const until = Date.now() + chaos.random.int(300, 1500)
    const tick = (): void => {
      if (req.destroyed) return
      if (!chaos.running() || Date.now() >= until) {
        req.end()
        return
      }
      const [id, bet, command] = nextBet(chaos, `s-${counter.n + 1}`, 'stream')
      if (id !== undefined) {
        counter.n++
        sent.push([id, bet])
        req.write(`${JSON.stringify(command)}\n`)
      }
      setTimeout(tick, 5)
    }
    tick()
  })
}

/**
 * The follower: GET /settlements after the last sequence number it has,
 * resumed after every restart, each line handed to the ledger. Resolves
 * once `stop` is called.
 *
 * @example
 *   declare const chaos: Chaos
 *   const follower = followSettlements(chaos)
 *   follower.stop()
 *   await follower.done
 */
export function followSettlements(chaos: Chaos): { done: Promise<void>; stop(): void } {
  let stopped = false
  let cut = (): void => {}
  const done = (async () => {
    while (!stopped) {
      await onEngine(
        chaos,
        false,
        (url) =>
          new Promise<void>((resolve, reject) => {
            const req = request(`${url}/settlements?after=${chaos.ledger.lastFollowed}`, (res) =>
              readLines(res, (line) => chaos.ledger.follow(line)).then(resolve, reject),
            )
            req.on('error', reject)
            cut = () => req.destroy()
            req.end()
          }),
      )
    }
  })()
  return {
    done,
    stop: () => {
      stopped = true
      cut()
    },
  }
}

/**
 * The race card: keeps three events open, results the oldest every
 * 0.2–0.6 s (a winner picked at random), until the run stops. Results are
 * retried after a kill: the same result again changes nothing.
 *
 * @example
 *   declare const chaos: Chaos
 *   await runRaces(chaos)
 */
export async function runRaces(chaos: Chaos): Promise<void> {
  let n = 0
  while (chaos.running()) {
    while (chaos.open.length < 3) await createEvent(chaos, `chaos-e${++n}`)
    await pause(chaos.random.int(200, 600))
    const oldest = chaos.open.shift()
    if (oldest !== undefined) await declareResult(chaos, oldest)
  }
}

/**
 * Results every event still open: after it, every acknowledged bet is settled.
 *
 * @example
 *   declare const chaos: Chaos
 *   await resultAll(chaos)
 */
export async function resultAll(chaos: Chaos): Promise<number> {
  const events = chaos.open.splice(0)
  for (const event of events) await declareResult(chaos, event)
  return events.length
}

async function createEvent(chaos: Chaos, id: string): Promise<void> {
  const answer = await onEngine(chaos, true, (url) => postJson(url, '/events', { id, name: id, runners: RUNNERS }))
  if (answer?.status === 201 || answer?.status === 409) chaos.open.push(id)
  else
    chaos.ledger.violate('unexpected answer', `POST /events ${id}: ${answer?.status} ${JSON.stringify(answer?.body)}`)
}

async function declareResult(chaos: Chaos, event: string): Promise<void> {
  const placings = [[chaos.random.pick(RUNNERS)]]
  const answer = await onEngine(chaos, true, (url) => postJson(url, `/events/${event}/result`, { placings }))
  if (answer?.status !== 200)
    chaos.ledger.violate('unexpected answer', `result of ${event}: ${answer?.status} ${JSON.stringify(answer?.body)}`)
}

type BetCommand = { type: 'bet'; id: string; customer: string; stake: string; legs: unknown[] }

function nextBet(
  chaos: Chaos,
  id: string,
  via: PlacedBet['via'],
): [string, PlacedBet, BetCommand] | [undefined, undefined, undefined] {
  if (chaos.open.length === 0) return [undefined, undefined, undefined]
  const { random } = chaos
  const event = random.pick(chaos.open)
  const customer = random.pick(CUSTOMERS)
  const legs = [{ event, runner: random.pick(RUNNERS), price: random.pick(PRICES) }]
  return [id, { customer, event, via }, { type: 'bet', id, customer, stake: String(random.int(1, 50)), legs }]
}

function isEventClosed(body: unknown): boolean {
  return (body as { error?: { code?: string } }).error?.code === 'event-closed'
}

/**
 * Calls `onLine` for each complete line of a response; resolves when it ends
 * whole, rejects when it is cut off (a partial last line is never handed on).
 *
 * @example
 *   declare const res: IncomingMessage
 *   await readLines(res, (line) => console.log(line))
 */
export function readLines(res: IncomingMessage, onLine: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let rest = ''
    res.setEncoding('utf8')
    res.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n')
      rest = lines.pop()!
      for (const line of lines) if (line !== '') onLine(line)
    })
    res.on('error', () => {})
    res.on('close', () => (res.complete ? resolve() : reject(new Error('the response was cut off'))))
  })
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
