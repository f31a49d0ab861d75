import { appendFileSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { LOG_FILE, SettlementEngine } from '../src/engine/settlement-engine.ts'
import { LogCorruptError } from '../src/log/log-corrupt-error.ts'
import { race, single } from './support/fixtures.ts'
import { post } from './support/http.ts'
import { streamCommands } from './support/ndjson.ts'
import { snapshotOf } from './support/snapshot.ts'
import { startTestEngine, type TestEngine } from './support/test-engine.ts'

const engines: TestEngine[] = []
afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.dispose()
})

async function engineWithHistory(): Promise<TestEngine> {
  const engine = await startTestEngine()
  engines.push(engine)
  const { url } = engine
  await post(url, '/events', race('R1'))
  await post(url, '/events', race('R2', { handicap: true }))
  await post(url, '/bets', single('alice', 'R1', 'Red Rum', '5/1', '10', { eachWay: true }))
  await post(url, '/bets', {
    id: 'dbl',
    customer: 'bob',
    stake: '2',
    legs: [
      { event: 'R1', runner: 'Aldaniti', price: 'SP' },
      { event: 'R2', runner: 'Crisp', price: '9/4' },
    ],
  })
  await post(url, '/events/R1/withdrawals', { runner: 'West Tip', price: '5/2' })
  await post(url, '/bets', single('bob', 'R1', 'Corbiere', '2.25', '3'))
  await post(url, '/bets', single('bob', 'R1', 'Corbiere', '2.25', 'not money'))
  await post(url, '/events/R1/result', {
    placings: [['Red Rum'], ['Aldaniti', 'Corbiere']],
    startingPrices: { Aldaniti: '7/1' },
  })
  await post(url, '/events/R1/result', {
    placings: [['Aldaniti'], ['Red Rum'], ['Corbiere']],
    startingPrices: { Aldaniti: '7/1' },
  })
  await streamCommands(url, [
    { type: 'bet', customer: 'carol', stake: '1', legs: [{ event: 'R2', runner: 'Crisp', price: 'evens' }] },
    { type: 'bet', customer: 'carol', stake: '1', legs: [{ event: 'R1', runner: 'Crisp', price: 'evens' }] },
    { type: 'void', event: 'R2' },
  ])
  return engine
}

async function reopen(dataDir: string): Promise<SettlementEngine> {
  return SettlementEngine.open({ dataDir, sync: false })
}

function checksum(command: string): string {
  return crc32(command).toString(16).padStart(8, '0')
}

const WHAT_TO_DO = 'Restore the data directory from a backup, or move the log aside to start empty.'

describe('replaying the command log', () => {
  it('rebuilds the same state: bets, ids, settlements and their sequence numbers', async () => {
    const engine = await engineWithHistory()
    const before = snapshotOf(engine.engine)
    expect(before.settlements.split('\n').length).toBeGreaterThan(4)
    await engine.stop()
    const replayed = await reopen(engine.dataDir)
    try {
      expect(replayed.replayed).toMatchObject({ commands: 10, droppedBytes: 0 })
      expect(snapshotOf(replayed)).toEqual(before)
    } finally {
      await replayed.close()
    }
  })

  it('logs accepted commands only', async () => {
    const engine = await engineWithHistory()
    await engine.stop()
    const log = readFileSync(join(engine.dataDir, LOG_FILE), 'utf8')
    expect(log).not.toContain('not money')
    expect(log).not.toContain('{"event":"R1","runner":"Crisp","price":"evens"}')
    expect(log.split('\n').filter(Boolean)).toHaveLength(10)
  })

  it.each([
    ['a torn line', '{"type":"bet","customer":"dave","sta'],
    ['a whole command without its newline', '{"type":"void","event":"R1"}'],
    ['a whole checksummed command without its newline', '56bbf761 {"type":"void","event":"R1"}'],
  ])('drops %s at the end, cuts it from the file and carries on', async (_what, tail) => {
    const engine = await engineWithHistory()
    const before = snapshotOf(engine.engine)
    await engine.stop()
    const path = join(engine.dataDir, LOG_FILE)
    const size = statSync(path).size
    appendFileSync(path, tail)
    const replayed = await reopen(engine.dataDir)
    try {
      expect(replayed.replayed.droppedBytes).toBe(Buffer.byteLength(tail))
      expect(statSync(path).size).toBe(size)
      expect(snapshotOf(replayed)).toEqual(before)
      expect((await replayed.execute({ type: 'void', event: 'R1' })).ok).toBe(true)
    } finally {
      await replayed.close()
    }
    const again = await reopen(engine.dataDir)
    expect(again.getEvent('R1')?.status).toBe('void')
    await again.close()
  })

  it('never takes back a published settlement number: after a torn line, new settlements follow on', async () => {
    const engine = await engineWithHistory()
    const published = engine.engine.publishedSettlements
    const before = snapshotOf(engine.engine).settlements
    await engine.stop()
    appendFileSync(join(engine.dataDir, LOG_FILE), '{"type":"result","event":"R2","placings":[["Cri')
    const replayed = await reopen(engine.dataDir)
    try {
      expect(replayed.publishedSettlements).toBe(published)
      expect(snapshotOf(replayed).settlements).toBe(before)
      await replayed.execute({ type: 'event', id: 'R3', name: 'R3', runners: ['Red Rum', 'Crisp'] })
      await replayed.execute({
        type: 'bet',
        customer: 'erin',
        stake: '4',
        legs: [{ event: 'R3', runner: 'Crisp', price: '2/1' }],
      })
      await replayed.execute({ type: 'result', event: 'R3', placings: [['Crisp']] })
      expect(replayed.publishedSettlements).toBe(published + 1)
      expect(snapshotOf(replayed).settlements.startsWith(before)).toBe(true)
    } finally {
      await replayed.close()
    }
  })

  it.each([
    ['a value changed that is still valid JSON', 3, (line: string) => line.replace('"stake":"10"', '"stake":"90"')],
    ['a key changed', 3, (line: string) => line.replace('"stake"', '"stakx"')],
    ['a changed checksum', 4, (line: string) => `${line[0] === 'f' ? 'e' : 'f'}${line.slice(1)}`],
    ['a changed last complete line', 10, (line: string) => line.replace('R2', 'R1')],
  ])('refuses to start on %s, naming the line and what to do', async (_what, lineNumber, damage) => {
    const engine = await engineWithHistory()
    await engine.stop()
    const path = join(engine.dataDir, LOG_FILE)
    const lines = readFileSync(path, 'utf8').split('\n')
    expect(lines).toHaveLength(11)
    const damaged = damage(lines[lineNumber - 1]!)
    expect(damaged).not.toBe(lines[lineNumber - 1])
    lines[lineNumber - 1] = damaged
    writeFileSync(path, lines.join('\n'))
    const opening = reopen(engine.dataDir)
    await expect(opening).rejects.toThrow(LogCorruptError)
    await expect(opening).rejects.toThrow(
      `the command log ${path} cannot be replayed: line ${lineNumber}: its checksum ${damaged.slice(0, 8)} does ` +
        `not match its content (CRC-32 ${checksum(damaged.slice(9))}), so it changed after it was written: ` +
        `${JSON.stringify(damaged.slice(0, 80))}${damaged.length > 80 ? '…' : ''}. ${WHAT_TO_DO}`,
    )
  })

  it('replays a log written before checksums, rewrites it with them and keeps the original', async () => {
    const engine = await engineWithHistory()
    const before = snapshotOf(engine.engine)
    await engine.stop()
    const path = join(engine.dataDir, LOG_FILE)
    const checksummed = readFileSync(path, 'utf8')
    const legacy = checksummed.replace(/^[0-9a-f]{8} /gm, '')
    writeFileSync(path, `${legacy}{"type":"void","eve`)
    const replayed = await reopen(engine.dataDir)
    try {
      expect(replayed.replayed).toMatchObject({
        commands: 10,
        droppedBytes: 19,
        format: 'legacy',
        preChecksumCopy: `${path}.pre-checksum`,
      })
      expect(snapshotOf(replayed)).toEqual(before)
    } finally {
      await replayed.close()
    }
    expect(readFileSync(path, 'utf8')).toBe(checksummed)
    expect(readFileSync(`${path}.pre-checksum`, 'utf8')).toBe(legacy)
    const again = await reopen(engine.dataDir)
    expect(again.replayed).toMatchObject({ commands: 10, format: 'checksummed' })
    expect(again.replayed.preChecksumCopy).toBeUndefined()
    await again.close()
  })

  it('refuses to start on a logged command the engine would refuse', async () => {
    const engine = await engineWithHistory()
    await engine.stop()
    const path = join(engine.dataDir, LOG_FILE)
    const lines = readFileSync(path, 'utf8').split('\n')
    lines.splice(2, 0, lines[0]!)
    writeFileSync(path, lines.join('\n'))
    await expect(reopen(engine.dataDir)).rejects.toThrow(
      `the command log ${path} cannot be replayed: line 3: the engine refuses it (duplicate-id: an event with ` +
        `id "R1" already exists; choose another id). ${WHAT_TO_DO}`,
    )
  })
})
