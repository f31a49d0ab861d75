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
  log?: RegExp
  url?: string
}

/**
 * What readiness found: the matching log line and its first capture group.
 *
 * @example
 *   const { address } = await waitForReady(ready, tail, signal, progress)
 *   address // 'http://127.0.0.1:41234'
 */
export interface Readiness {
  address?: string
  match?: RegExpMatchArray
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
 *   const readiness = await waitForReady({ log: /listening on (\S+)/ }, tail, abort.signal, {})
 *   readiness.match?.[0] // 'listening on http://127.0.0.1:41234'
 */
export async function waitForReady(ready: ReadyCheck | undefined, tail: OutputTail, signal: AbortSignal, progress: ReadinessProgress): Promise<Readiness> {
  const readiness: Readiness = {}
  if (ready?.log) {
    readiness.match = await waitForLine(ready.log, tail, signal)
    readiness.address = progress.address = readiness.match[1]
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
  const parts = [ready?.log && `a log line matching ${String(ready.log)}`, ready?.url && `${fillAddress(ready.url, address)} to answer 2xx`]
  return parts.filter(Boolean).join(', then ') || 'the process to start'
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
      progress.lastAnswer = describeFetchFailure(error, pollTimeoutMs)?.reason ?? (error instanceof Error ? error.message : String(error))
    }
    await delay(pollIntervalMs, undefined, { signal })
  }
}
