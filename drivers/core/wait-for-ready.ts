import { setTimeout as delay } from 'node:timers/promises'
import { describeFetchFailure } from './fetch-failure.ts'
import type { OutputTail } from './output-tail.ts'

/**
 * How a process shows it is ready: a log line, a URL answering 2xx, or both
 * (the URL may use the address captured by the log line).
 *
 * @example
 *   const ready: ReadyCheck = { log: /listening on (http:\S+)/, url: '{address}/health' }
 *   describeReadiness(ready) // 'a log line matching /listening on (http:\S+)/, then {address}/health to answer 2xx'
 */
export interface ReadyCheck {
  /** A line matching it means ready; its first capture group is the address. */
  log?: RegExp
  /**
   * With `log`: more lines that must appear too, in any order, e.g. `[/admin on (?<admin>\S+)/]` for a second listener.
   */
  alsoLog?: readonly RegExp[]
  url?: string
}

/**
 * What readiness found: the line matching `log`, its first capture group, and
 * the named groups of every matched line.
 *
 * @example
 *   declare const tail: OutputTail, signal: AbortSignal
 *   const { address, groups } = await waitForReady(
 *     { log: /on (\S+)/, alsoLog: [/admin on (?<admin>\S+)/] },
 *     tail,
 *     signal,
 *     {},
 *   )
 *   address // 'http://127.0.0.1:41234'; groups // { admin: 'http://127.0.0.1:41235' }
 */
export interface Readiness {
  address?: string
  match?: RegExpMatchArray
  /** The named capture groups that matched, of `log` and `alsoLog` together. */
  groups?: Record<string, string>
}

/**
 * How far the wait got, for the message when it times out.
 *
 * @example
 *   const progress: ReadinessProgress = {}
 *   progress.lastAnswer // 'it answered 503'
 */
export interface ReadinessProgress {
  /** The address captured from the log line, once seen. */
  address?: string
  /** What the last poll of the URL got. */
  lastAnswer?: string
}

const pollIntervalMs = 100
const pollTimeoutMs = 1000

/**
 * Waits for the log line, then for the URL, until `signal` aborts (exit or timeout, decided by the caller).
 *
 * @example
 *   declare const tail: OutputTail
 *   const readiness = await waitForReady({ log: /listening on (\S+)/ }, tail, AbortSignal.timeout(10_000), {})
 *   readiness.match?.[0] // 'listening on http://127.0.0.1:41234'
 */
export async function waitForReady(
  ready: ReadyCheck | undefined,
  tail: OutputTail,
  signal: AbortSignal,
  progress: ReadinessProgress,
): Promise<Readiness> {
  const readiness: Readiness = {}
  if (ready?.log) {
    const [match, ...others] = await Promise.all([
      waitForLine(ready.log, tail, signal).then((line) => {
        progress.address = line[1]
        return line
      }),
      ...(ready.alsoLog ?? []).map((pattern) => waitForLine(pattern, tail, signal)),
    ])
    readiness.match = match
    readiness.address = match[1]
    const groups = Object.fromEntries(
      [match, ...others].flatMap((line) => Object.entries(line.groups ?? {}).filter(isMatched)),
    )
    if (Object.keys(groups).length > 0) readiness.groups = groups
  }
  if (ready?.url) await waitForOk(fillAddress(ready.url, readiness.address), signal, progress)
  return readiness
}

/**
 * What a readiness wait waits for, as an error message says it.
 *
 * @example
 *   describeReadiness({ url: 'http://127.0.0.1:8080/health' }) // 'http://127.0.0.1:8080/health to answer 2xx'
 *   describeReadiness(undefined) // 'the process to start'
 */
export function describeReadiness(ready: ReadyCheck | undefined, address?: string): string {
  const patterns = ready?.log ? [ready.log, ...(ready.alsoLog ?? [])].map(String) : []
  const lines =
    patterns.length > 1
      ? `log lines matching ${patterns.join(' and ')} (in any order)`
      : patterns[0] && `a log line matching ${patterns[0]}`
  const parts = [lines, ready?.url && `${fillAddress(ready.url, address)} to answer 2xx`]
  return parts.filter(Boolean).join(', then ') || 'the process to start'
}

// A named group in an optional part of the pattern is undefined when that part did not match.
function isMatched(entry: [string, string | undefined]): entry is [string, string] {
  return entry[1] !== undefined
}

function fillAddress(url: string, address: string | undefined): string {
  return address === undefined ? url : url.replaceAll('{address}', address)
}

function waitForLine(pattern: RegExp, tail: OutputTail, signal: AbortSignal): Promise<RegExpMatchArray> {
  // A global or sticky pattern keeps state between lines and drops capture groups from match().
  const regex = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''))
  return new Promise((resolve, reject) => {
    const stop = (): void => {
      unsubscribe()
      signal.removeEventListener('abort', onAbort)
    }
    const onAbort = (): void => {
      stop()
      reject(signal.reason)
    }
    const unsubscribe = tail.onLine((line) => {
      const match = line.match(regex)
      if (!match) return
      stop()
      resolve(match)
    })
    signal.addEventListener('abort', onAbort)
  })
}

async function waitForOk(url: string, signal: AbortSignal, progress: ReadinessProgress): Promise<void> {
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(pollTimeoutMs)]) })
      await response.body?.cancel()
      if (response.ok) return
      progress.lastAnswer = `it answered ${response.status}`
    } catch (error) {
      signal.throwIfAborted()
      progress.lastAnswer =
        describeFetchFailure(error, pollTimeoutMs)?.reason ?? (error instanceof Error ? error.message : String(error))
    }
    await delay(pollIntervalMs, undefined, { signal })
  }
}
