import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Where an engine's main thread spent its time, from its `--cpu-prof` samples. */
export type TimeShare = 'parse' | 'apply' | 'log' | 'outcomes' | 'feed' | 'http' | 'gc' | 'idle' | 'other'

/** The shares in the order a report lists them, with the line each is printed under. */
export const SHARE_LABELS: Record<TimeShare, string> = {
  parse: 'parse/scan (line split, scanBet, strict JSON)',
  apply: 'apply + settle (stores, Rule 4, returns)',
  log: 'log: checksum + write (crc32, copy, writev)',
  outcomes: 'outcome lines: encoding',
  feed: 'feed: settlement lines encoding',
  http: 'HTTP: reading the body, sending (sockets)',
  gc: 'garbage collection',
  idle: 'idle: waiting on fdatasync, the disk or a socket',
  other: 'other (start-up, timers, promises)',
}

/** What would move each share, for a goal it keeps out of reach. */
export const SHARE_REMEDIES: Record<TimeShare, string> = {
  parse: 'a cheaper scan of each line (fewer passes over the bytes)',
  apply: 'fewer lookups and stores per bet in apply/settle',
  log: 'a cheaper CRC (one native call per block) or fewer copies into the log buffer',
  outcomes: 'shorter outcome lines, or encoding them in the scan pass',
  feed: 'encoding settlement lines with fewer calls per field',
  http: 'bigger socket writes, or a second process for the feed',
  gc: 'fewer short-lived objects per block',
  idle: 'a faster disk (fdatasync latency) or more blocks in flight per group commit',
  other: 'less start-up work',
}

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string }
  children?: number[]
}

/**
 * Reads every `.cpuprofile` in `dir` (one per thread; the busiest is the
 * engine's main thread) and sums its sampled time per share, in seconds.
 * A sample counts for the innermost frame of ours on its stack, so a native
 * call (crc32, writev) counts for the code that made it.
 *
 * @example
 *   const shares = profileBreakdown('/tmp/bench-profile')
 *   shares.apply // 4.2
 */
export function profileBreakdown(dir: string): Record<TimeShare, number> {
  let best: Record<TimeShare, number> | undefined
  let bestBusy = -1
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.cpuprofile'))) {
    const shares = profileShares(JSON.parse(readFileSync(join(dir, name), 'utf8')))
    const busy = Object.values(shares).reduce((sum, s) => sum + s, 0) - shares.idle
    if (busy > bestBusy) [best, bestBusy] = [shares, busy]
  }
  if (best === undefined) throw new Error(`no .cpuprofile in ${dir}: did the engine exit cleanly?`)
  return best
}

function profileShares(profile: {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}): Record<TimeShare, number> {
  const parent = new Map<number, ProfileNode>()
  const byId = new Map<number, ProfileNode>()
  for (const node of profile.nodes) {
    byId.set(node.id, node)
    for (const child of node.children ?? []) parent.set(child, node)
  }
  const share = new Map<number, TimeShare>()
  const shareOf = (node: ProfileNode): TimeShare => {
    let found = share.get(node.id)
    if (found === undefined) {
      const own = frameShare(node, parent)
      const above = parent.get(node.id)
      found = own ?? (above === undefined ? 'other' : shareOf(above))
      share.set(node.id, found)
    }
    return found
  }
  const seconds: Record<TimeShare, number> = {
    parse: 0,
    apply: 0,
    log: 0,
    outcomes: 0,
    feed: 0,
    http: 0,
    gc: 0,
    idle: 0,
    other: 0,
  }
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)
    if (node !== undefined) seconds[shareOf(node)] += (profile.timeDeltas[i] ?? 0) / 1e6
  })
  return seconds
}

function frameShare(node: ProfileNode, parent: Map<number, ProfileNode>): TimeShare | undefined {
  const { functionName, url } = node.callFrame
  if (functionName === '(garbage collector)') return 'gc'
  if (functionName === '(idle)') return 'idle'
  if (functionName === 'crc32' || url.includes('/src/log/')) return 'log'
  if (/settlement-(lines|feed)\.ts$/.test(url)) return 'feed'
  // The byte writer serves both: it is the feed's when the feed called it.
  if (/byte-writer\.ts$|outcome-line\.ts$/.test(url)) return calledByFeed(node, parent) ? 'feed' : 'outcomes'
  if (/scan-bet\.ts$|strict-json\.ts$|line-splitter\.ts$/.test(url)) return 'parse'
  if (/\/src\/(engine|rules|arithmetic)\//.test(url)) return 'apply'
  if (/stream-route\.ts$|^node:(_http|net|internal\/streams|stream)/.test(url)) return 'http'
  return undefined
}

function calledByFeed(node: ProfileNode, parent: Map<number, ProfileNode>): boolean {
  for (let above = parent.get(node.id); above !== undefined; above = parent.get(above.id))
    if (/settlement-(lines|feed)\.ts$/.test(above.callFrame.url)) return true
  return false
}
