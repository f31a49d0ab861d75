import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { withChecksums } from './checksum-lines.ts'
import { CommandLog } from './command-log.ts'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'command-log-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('CommandLog', () => {
  it('writes appends in order, each line checksummed, in group commits, and says when each is durable', async () => {
    const durable: number[] = []
    const log = await CommandLog.open(join(dir, 'log'), { onDurable: (ticket) => durable.push(ticket) })
    const first = log.append(Buffer.from('a\n'))
    const second = log.append([Buffer.from('b\n'), Buffer.from('c\n')])
    expect([first, second, log.durableTicket]).toEqual([1, 2, 0])
    await log.waitFor(second)
    expect(log.durableTicket).toBe(2)
    expect(durable).toEqual([2])
    log.append(Buffer.from('d\n'))
    await log.close()
    expect(readFileSync(join(dir, 'log'))).toEqual(withChecksums(Buffer.from('a\nb\nc\nd\n')))
  })

  it('appends to what is there', async () => {
    for (const line of ['x\n', 'y\n']) {
      const log = await CommandLog.open(join(dir, 'log'), { sync: false })
      await log.waitFor(log.append(Buffer.from(line)))
      await log.close()
    }
    expect(readFileSync(join(dir, 'log'), 'utf8')).toBe('8cdc1683 x\nfbdb2615 y\n')
  })

  it('resolves at once for what is already on disk', async () => {
    const log = await CommandLog.open(join(dir, 'log'))
    await expect(log.waitFor(0)).resolves.toBeUndefined()
    await log.close()
  })
})
