import { describe, expect, it } from 'vitest'
import type { Clock } from '../discovery/index.ts'
import { UnknownHostLog } from './unknown-host-log.ts'

/** A clock whose timers run only when `advance` passes them. */
function manualClock() {
  let ms = 0
  const timers = new Map<number, { at: number; callback: () => void }>()
  let next = 0
  const clock: Clock = {
    now: () => ms,
    setTimeout: (callback, delay) => (timers.set(++next, { at: ms + delay, callback }), next),
    clearTimeout: (handle) => timers.delete(handle as number),
    random: () => 0,
  }
  const advance = (by: number) => {
    ms += by
    for (const [id, timer] of [...timers]) {
      if (timer.at > ms) continue
      timers.delete(id)
      timer.callback()
    }
  }
  return { clock, advance, pending: () => timers.size }
}

describe('UnknownHostLog', () => {
  it('names the first hosts of an interval, then counts the rest in one line when it ends', () => {
    const { clock, advance } = manualClock()
    const lines: string[] = []
    const unknown = new UnknownHostLog({ log: (line) => lines.push(line), clock, named: 2, intervalMs: 10_000 })
    for (let i = 0; i < 1000; i++) unknown.note(`host-${i}.test`)
    expect(lines).toEqual([
      'no service for host "host-0.test" (404)',
      'no service for host "host-1.test" (404); further unknown hosts in the next 10 s are only counted',
    ])
    advance(10_000)
    expect(lines.slice(2)).toEqual(['998 more requests for unknown hosts answered 404 in 10 s, not named one by one'])
    unknown.note('later.test')
    expect(lines.slice(3)).toEqual(['no service for host "later.test" (404)'])
  })

  it('writes the pending count on close and leaves no timer behind', () => {
    const { clock, pending } = manualClock()
    const lines: string[] = []
    const unknown = new UnknownHostLog({ log: (line) => lines.push(line), clock, named: 1, intervalMs: 60_000 })
    unknown.note('a.test')
    unknown.note('b.test')
    expect(pending()).toBe(1)
    unknown.close()
    expect([lines[1], pending()]).toEqual([
      '1 more request for unknown hosts answered 404 in 60 s, not named one by one',
      0,
    ])
  })
})
