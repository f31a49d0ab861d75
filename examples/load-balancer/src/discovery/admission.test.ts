import { describe, expect, it } from 'vitest'
import { Admission, FAST_PROBES, probeDelay } from './admission.ts'
import type { BackendAddress } from './replica.ts'

// A clock whose timers fire only when the test says, and probes answered by the test, one by one.
function harness() {
  const timers: Array<{ callback: () => void; ms: number; cleared: boolean }> = []
  const probes: Array<{ address: BackendAddress; answer: (answered: boolean) => Promise<void> }> = []
  const admitted: string[] = []
  const admission = new Admission({
    clock: {
      setTimeout: (callback, ms) => {
        const timer = { callback, ms, cleared: false }
        timers.push(timer)
        return timer
      },
      clearTimeout: (timer) => {
        ;(timer as { cleared: boolean }).cleared = true
      },
    },
    probe: (address) =>
      new Promise((resolve) =>
        probes.push({
          address,
          answer: async (answered) => {
            resolve(answered)
            await Promise.resolve()
            await Promise.resolve()
          },
        }),
      ),
    admit: (id) => admitted.push(id),
  })
  const fireLastTimer = (): void => timers.at(-1)?.callback()
  return { admission, timers, probes, admitted, fireLastTimer }
}

const address = { host: '127.0.0.1', port: 32768 }

describe('Admission', () => {
  it('probes at once, again every 25 ms while refused or reset, and admits on the first answer', async () => {
    const { admission, timers, probes, admitted, fireLastTimer } = harness()
    admission.watch('a', address)
    expect(probes.map((p) => p.address)).toEqual([address])
    await probes[0]!.answer(false)
    expect(timers.map((t) => t.ms)).toEqual([25])
    expect(admitted).toEqual([])
    fireLastTimer()
    await probes[1]!.answer(false)
    fireLastTimer()
    await probes[2]!.answer(true)
    expect([probes.length, timers.map((t) => t.ms), admitted]).toEqual([3, [25, 25], ['a']])
    expect(admission.isWatching('a')).toBe(false)
  })

  it('watches a replica once, however often it is asked', async () => {
    const { admission, probes } = harness()
    admission.watch('a', address)
    admission.watch('a', address)
    expect(probes.length).toBe(1)
  })

  it('stops probing a forgotten replica and never admits it', async () => {
    const { admission, timers, probes, admitted } = harness()
    admission.watch('a', address)
    await probes[0]!.answer(false)
    admission.forget('a')
    expect(timers.map((t) => t.cleared)).toEqual([true])
    admission.watch('b', address)
    admission.close()
    await probes[1]!.answer(true)
    expect([admitted, admission.isWatching('b')]).toEqual([[], false])
  })

  it('probes a slow starter every 500 ms after 400 failures', () => {
    expect([probeDelay(1), probeDelay(FAST_PROBES - 1), probeDelay(FAST_PROBES), probeDelay(5_000)]).toEqual([
      25, 25, 500, 500,
    ])
  })
})
