import { describe, expect, it } from 'vitest'
import { BlockApplier } from '../src/engine/apply-block.ts'
import { EngineState } from '../src/engine/engine-state.ts'
import { betView, eventView } from '../src/engine/views.ts'
import { ByteWriter } from '../src/stream/byte-writer.ts'
import { outcomeLine } from '../src/engine/outcome-line.ts'
import { readStrictJson } from '../src/engine/strict-json.ts'
import { seeded } from './support/crash-commands.ts'

// Lines the byte fast path reads, and the near misses it must leave to JSON.parse.
function betLines(seed: number, count: number): string[] {
  const random = seeded(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const variants = [
    (legs: string) =>
      `{"type":"bet","customer":"c${pick([1, 2, 3])}",` +
      `"stake":"${pick(['1', '2.5', '2.50', '0.01', '10'])}","legs":${legs}}`,
    (legs: string) => `{"legs":${legs},"eachWay":${pick(['true', 'false'])},"stake":"5","customer":"c1","type":"bet"}`,
    (legs: string) => ` { "type" : "bet" , "customer" : "c2" , "stake" : "3" , "legs" : ${legs} } \r`,
    (legs: string) => `{"type":"bet","customer":"c\\u0031","stake":"3","legs":${legs}}`,
    (legs: string) => `{"type":"bet","customer":"c1","stake":"£3","legs":${legs}}`,
    (legs: string) => `{"type":"bet","customer":"c1","stake":"03","legs":${legs}}`,
    (legs: string) => `{"type":"bet","customer":"c1","stake":"0","legs":${legs}}`,
    (legs: string) => `{"type":"bet","customer":"c1","stake":3,"legs":${legs}}`,
    (legs: string) => `{"type":"bet","customer":" c1","stake":"3","legs":${legs}}`,
    (legs: string) => `{"type":"bet","customer":"c1","customer":"c2","stake":"3","legs":${legs}}`,
    (legs: string) => `{"type":"bet","customer":"c1","stake":"3","eachWay":null,"legs":${legs}}`,
    (legs: string) => `{"type":"bet","id":"t${Math.floor(random() * 1e9)}","customer":"c1","stake":"3","legs":${legs}}`,
    (legs: string) => `{"type":"bet","customer":"Zoë","stake":"3","legs":${legs}}`,
    (legs: string) => `{"type":"bet","customer":"c1","stake":"3","legs":${legs},"note":1}`,
    (legs: string) => `{"type":"bet","customer":"c1","stake":"3","legs":${legs}`,
    (legs: string) => `{"type":"BET","customer":"c1","stake":"3","legs":${legs}}`,
  ]
  const legJson = (event: string, runner: string, price: string) =>
    `{"event":"${event}","runner":"${runner}","price":"${price}"}`
  const leg = (i: number) =>
    random() < 0.9
      ? legJson(`R${i + 1}`, pick(['A', 'B', 'C']), pick(['5/1', 'evens', 'EVS', '2.25', 'SP', 'sp']))
      : legJson(pick(['R1', 'R2', 'R3', 'R9']), pick(['A', 'B', 'W', 'Z', ' A']), pick(['5/1', '5-1', '0/1']))
  return Array.from({ length: count }, () => {
    const legs = `[${Array.from({ length: pick([1, 1, 1, 2]) }, (_, i) => leg(i)).join(',')}]`
    const variant = random() < 0.6 ? variants[Math.floor(random() * 3)]! : pick(variants)
    return variant(random() < 0.05 ? '[]' : legs)
  })
}

function newState(): EngineState {
  const state = new EngineState()
  for (const id of ['R1', 'R2', 'R3'])
    state.apply({ type: 'event', id, name: id, runners: ['A', 'B', 'C', 'D', 'E', 'W'] })
  state.apply({ type: 'withdrawal', event: 'R2', runner: 'W', price: '4/1' })
  state.apply({ type: 'result', event: 'R3', placings: [['A']] })
  return state
}

describe('the byte fast path for bet lines', () => {
  it('answers and stores exactly what JSON.parse and the full checks do', () => {
    const lines = betLines(20_24, 4000)
    const fast = newState()
    const out = new ByteWriter()
    const done = new BlockApplier(fast).apply(Buffer.from(lines.join('\n') + '\n'), out)
    const slow = newState()
    // The reference is the JSON path: the strict reader (a repeated key is refused, not read last-wins), then apply.
    const expected = lines.map((line) => {
      const read = readStrictJson(line, 'line')
      return outcomeLine(read.ok ? slow.apply(read.value) : read)
    })
    const answered = out
      .take()
      .toString()
      .split(/(?<=\n)/)
    expect(answered).toHaveLength(lines.length)
    answered.forEach((outcome, i) =>
      expect(outcome.startsWith(expected[i]!.trimEnd()) || outcome === expected[i], `line ${i + 1}: ${lines[i]}`).toBe(
        true,
      ),
    )
    expect(done.accepted).toBeGreaterThan(1500)
    expect(done.refused).toBeGreaterThan(500)
    expect(fast.bets.count).toBe(slow.bets.count)
    for (let bet = 0; bet < fast.bets.count; bet++) expect(betView(fast, bet), `bet ${bet}`).toEqual(betView(slow, bet))
    for (const event of fast.events) expect(eventView(event)).toEqual(eventView(slow.events[event.index]!))
  })
})
