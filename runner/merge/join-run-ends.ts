import type { Envelope, TestRunFinished, Timestamp } from '@cucumber/messages'

/**
 * The earliest of the shards' testRunStarted timestamps: when the joined run started.
 *
 * @example
 *   earliestStart([{ seconds: 20, nanos: 0 }, { seconds: 10, nanos: 5 }]) // { seconds: 10, nanos: 5 }
 *   earliestStart([]) // undefined
 */
export function earliestStart(started: readonly Timestamp[]): Timestamp | undefined {
  return [...started].sort(compareTimestamps)[0]
}

/**
 * The joined run's testRunFinished: at the latest shard's finish; a success
 * only if every one of `shardCount` shards finished and succeeded; with the
 * message and exception of the first failing shard, else of the latest.
 *
 * @example
 *   const finished = [
 *     { success: true, timestamp: { seconds: 9, nanos: 0 } },
 *     { success: false, message: 'Whoops!', timestamp: { seconds: 7, nanos: 0 } },
 *   ]
 *   joinedRunFinished(finished, 2, '0')
 *   // → { testRunFinished: { message: 'Whoops!', success: false, timestamp: { seconds: 9, nanos: 0 },
 *   //   testRunStartedId: '0' } }
 */
export function joinedRunFinished(
  finished: readonly TestRunFinished[],
  shardCount: number,
  runStartedId: string | undefined,
): Envelope {
  const latest = [...finished].sort((a, b) => compareTimestamps(a.timestamp, b.timestamp)).at(-1)!
  const failing = finished.find((run) => !run.success)
  const reason = failing ?? latest
  return {
    testRunFinished: {
      ...(reason.message !== undefined ? { message: reason.message } : {}),
      ...(reason.exception !== undefined ? { exception: reason.exception } : {}),
      success: finished.length === shardCount && !failing,
      timestamp: latest.timestamp,
      ...(runStartedId !== undefined ? { testRunStartedId: runStartedId } : {}),
    },
  } as Envelope
}

function compareTimestamps(a: Timestamp, b: Timestamp): number {
  return Number(a.seconds) - Number(b.seconds) || a.nanos - b.nanos
}
