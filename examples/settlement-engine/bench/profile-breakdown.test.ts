import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { profileBreakdown } from './profile-breakdown.ts'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function frame(id: number, functionName: string, url: string, children: number[] = []) {
  return { id, callFrame: { functionName, url }, children }
}

describe('profileBreakdown', () => {
  it('counts a native call for the code that made it, and the byte writer for the feed when the feed called it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'profile-breakdown-'))
    dirs.push(dir)
    const nodes = [
      frame(1, '(root)', '', [2, 3, 6, 8, 9]),
      frame(2, 'withChecksums', 'file:///x/src/log/checksum-lines.ts', [4]),
      frame(3, 'writeSettlementLines', 'file:///x/src/engine/settlement-lines.ts', [5]),
      frame(4, 'crc32', 'node:zlib'),
      frame(5, 'money', 'file:///x/src/stream/byte-writer.ts'),
      frame(6, 'apply', 'file:///x/src/engine/apply-block.ts', [7]),
      frame(7, 'money', 'file:///x/src/stream/byte-writer.ts'),
      frame(8, '(garbage collector)', ''),
      frame(9, '(idle)', ''),
    ]
    // Samples at 4 (log), 5 (feed), 7 (outcomes), 6 (apply), 8 (gc), 9 (idle), each 1 ms.
    const profile = { nodes, samples: [4, 5, 7, 6, 8, 9], timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000] }
    writeFileSync(join(dir, 'main.cpuprofile'), JSON.stringify(profile))
    expect(profileBreakdown(dir)).toEqual({
      parse: 0,
      apply: 0.001,
      log: 0.001,
      outcomes: 0.001,
      feed: 0.001,
      http: 0,
      gc: 0.001,
      idle: 0.001,
      other: 0,
    })
  })

  it('says where it looked when the engine left no profile', () => {
    const dir = mkdtempSync(join(tmpdir(), 'profile-breakdown-'))
    dirs.push(dir)
    expect(() => profileBreakdown(dir)).toThrow(`no .cpuprofile in ${dir}: did the engine exit cleanly?`)
  })
})
