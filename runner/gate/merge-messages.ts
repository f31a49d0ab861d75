import type { Envelope } from '@cucumber/messages'
import type { MessageSet } from '../../drivers/core/run-model/index.ts'
import { mapIds } from '../../drivers/core/run-model/message-ids.ts'

/**
 * The channels' messages as one stream for the HTML report and merged.ndjson.
 * With one channel, its messages as they are. With several, each channel's
 * ids and references to them get a `<channel>:` prefix (runs number their ids
 * alike; a `workerId` names a process, not a message, and stays as it is) and
 * its feature files a `<channel>/` prefix, so the report shows each scenario
 * once per channel; one meta, the first testRunStarted, and one
 * testRunFinished whose success is every run's.
 *
 * @example
 *   declare const api: MessageSet, ui: MessageSet
 *   mergeMessages([api, ui]).find((envelope) => envelope.pickle)?.pickle?.uri // 'api/specs/shop.feature'
 */
export function mergeMessages(sets: MessageSet[]): Envelope[] {
  if (sets.length === 1) return sets[0]!.envelopes
  const merged: Envelope[] = []
  let started = false
  const finished = sets.flatMap((set) =>
    set.envelopes.flatMap((envelope) => (envelope.testRunFinished ? [envelope.testRunFinished] : [])),
  )
  for (const set of sets) {
    for (const envelope of set.envelopes) {
      if (envelope.meta && merged.some((other) => other.meta)) continue
      if (envelope.testRunFinished) continue
      if (envelope.testRunStarted) {
        if (started) continue
        started = true
      }
      merged.push(relabel(envelope, set.channel))
    }
  }
  const last = finished.sort((a, b) => a.timestamp.seconds - b.timestamp.seconds).at(-1)
  if (last) {
    const success = finished.length === sets.length && finished.every((run) => run.success)
    merged.push({
      testRunFinished: { ...relabel({ testRunFinished: last }, sets.at(-1)!.channel).testRunFinished!, success },
    })
  }
  return merged
}

function relabel(envelope: Envelope, channel: string): Envelope {
  const entries = Object.entries(envelope)
  if (entries.length !== 1) return envelope
  const [[kind, message]] = entries as [[string, unknown]]
  const relabelled = mapIds(message, (id) => `${channel}:${id}`) as Record<string, unknown>
  if (['source', 'gherkinDocument', 'pickle'].includes(kind) && typeof relabelled.uri === 'string')
    relabelled.uri = `${channel}/${relabelled.uri}`
  if (kind === 'parseError') {
    const source = relabelled.source as { uri?: string } | undefined
    if (source?.uri) source.uri = `${channel}/${source.uri}`
  }
  return { [kind]: relabelled } as Envelope
}
