import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { OutputTail } from './output-tail.ts'
import { describeReadiness, waitForReady, type ReadinessProgress } from './wait-for-ready.ts'

function printing(...lines: string[]): OutputTail {
  const tail = new OutputTail(10)
  const stdout = new PassThrough()
  tail.follow(stdout, 'stdout')
  setImmediate(() => stdout.end(lines.map((line) => `${line}\n`).join('')))
  return tail
}

describe('waitForReady', () => {
  it('with one pattern, ready at the first matching line: first group is the address, named groups kept', async () => {
    const tail = printing('warming up', 'listening on http://127.0.0.1:4000 (admin http://127.0.0.1:4001)')
    const progress: ReadinessProgress = {}
    const readiness = await waitForReady(
      { log: /listening on (\S+) \(admin (?<admin>\S+)\)/ },
      tail,
      new AbortController().signal,
      progress,
    )
    expect(readiness.address).toBe('http://127.0.0.1:4000')
    expect(readiness.groups).toEqual({ admin: 'http://127.0.0.1:4001' })
    expect(progress.address).toBe('http://127.0.0.1:4000')
  })

  it('with alsoLog, waits for every pattern in any order and gathers the named groups of all of them', async () => {
    const tail = printing('admin on http://127.0.0.1:4001', 'starting', 'listening on http://127.0.0.1:4000')
    const readiness = await waitForReady(
      { log: /listening on (?<public>\S+)/, alsoLog: [/admin on (?<admin>\S+)/, /(?<optional>never)?starting/] },
      tail,
      new AbortController().signal,
      {},
    )
    expect(readiness.address).toBe('http://127.0.0.1:4000')
    expect(readiness.match?.[0]).toBe('listening on http://127.0.0.1:4000')
    expect(readiness.groups).toEqual({ public: 'http://127.0.0.1:4000', admin: 'http://127.0.0.1:4001' })
  })

  it('gives up when the signal aborts, even if some patterns matched', async () => {
    const abort = new AbortController()
    const waiting = waitForReady(
      { log: /listening on (\S+)/, alsoLog: [/admin on (\S+)/] },
      printing('listening on http://127.0.0.1:4000'),
      abort.signal,
      {},
    )
    setTimeout(() => abort.abort(new Error('timed out')), 50)
    await expect(waiting).rejects.toThrow('timed out')
  })
})

describe('describeReadiness', () => {
  it('names one pattern as a log line, several as log lines in any order', () => {
    expect(describeReadiness({ log: /listening on (\S+)/ })).toBe('a log line matching /listening on (\\S+)/')
    expect(
      describeReadiness(
        { log: /on (\S+)/, alsoLog: [/admin on (?<admin>\S+)/], url: '{address}/health' },
        'http://127.0.0.1:4000',
      ),
    ).toBe(
      'log lines matching /on (\\S+)/ and /admin on (?<admin>\\S+)/ (in any order), then ' +
        'http://127.0.0.1:4000/health to answer 2xx',
    )
  })
})
