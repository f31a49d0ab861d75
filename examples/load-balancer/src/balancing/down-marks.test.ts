import { describe, expect, it } from 'vitest'
import { DownMarks } from './down-marks.ts'

function fakeClock(start = 1_000) {
  let now = start
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms
    },
  }
}

describe('DownMarks', () => {
  it('keeps a replica down for 2 s by default, then lets it back', () => {
    const clock = fakeClock()
    const downMarks = new DownMarks({ clock })
    downMarks.markDown('a')
    expect(downMarks.isDown('a')).toBe(true)
    clock.advance(1_999)
    expect(downMarks.isDown('a')).toBe(true)
    clock.advance(1)
    expect(downMarks.isDown('a')).toBe(false)
  })

  it('marks only the replica named', () => {
    const downMarks = new DownMarks({ clock: fakeClock() })
    downMarks.markDown('a')
    expect(downMarks.isDown('b')).toBe(false)
  })

  it('uses the configured while and restarts it on a new mark', () => {
    const clock = fakeClock()
    const downMarks = new DownMarks({ clock, downMs: 500 })
    downMarks.markDown('a')
    clock.advance(400)
    downMarks.markDown('a')
    clock.advance(400)
    expect(downMarks.isDown('a')).toBe(true)
    clock.advance(100)
    expect(downMarks.isDown('a')).toBe(false)
  })

  it('refuses a while that is not a positive number', () => {
    expect(() => new DownMarks({ clock: fakeClock(), downMs: 0 })).toThrow(
      new Error('DownMarks downMs 0 is not a positive number of milliseconds; pass e.g. 2000.'),
    )
  })
})
