import type { Envelope, TestRunFinished, Timestamp } from '@cucumber/messages'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'

/** Fields that refer to an id defined by another message. `workerId` is not one: it names a process. */
const referenceKeys = new Set([
  'astNodeId',
  'astNodeIds',
  'pickleId',
  'pickleStepId',
  'stepDefinitionIds',
  'hookId',
  'testCaseId',
  'testCaseStartedId',
  'testStepId',
  'testRunStartedId',
  'testRunHookStartedId',
])

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/**
 * Joins the cucumber messages of one channel's shards into the messages of
 * one run, as if a single cucumber had run every shard's scenarios:
 * - one meta (the first shard's);
 * - sources, gherkinDocuments and pickles once per uri (a pickle once per uri
 *   and AST nodes); step definitions, hooks and parameter types once per
 *   definition (same source reference, pattern, everything but the id);
 * - every id renumbered, so two shards' ids never collide, and every reference
 *   pointed at the renumbered — or, for a de-duplicated definition, the kept — id;
 * - one testRunStarted (the earliest) and one testRunFinished (the latest,
 *   success only if every shard finished and succeeded); each shard's test
 *   cases, steps, hooks and attachments in between, shard after shard.
 * Messages Parlance does not know (a newer protocol) pass through with their
 * ids renumbered the same way.
 *
 * @example
 *   const merged = joinShards([await readMessages('shard-1-of-2/api/messages.ndjson'), await readMessages('shard-2-of-2/api/messages.ndjson')])
 *   merged.filter((envelope) => envelope.testRunStarted).length // 1
 */
export function joinShards(shards: readonly (readonly Envelope[])[], names: readonly string[] = shards.map((_, i) => `shard ${i + 1}`)): Envelope[] {
  let next = 0
  const newId = (): string => String(next++)
  const definitions: Envelope[] = []
  const runs: Envelope[][] = []
  const kept = new Map<string, { shard: string; source: string; ids: string[] }>()
  const keptPickles = new Map<string, string[]>()
  const keptDefinitions = new Map<string, string>()
  const runStartedId = newId()
  const started: Timestamp[] = []
  const finished: TestRunFinished[] = []

  shards.forEach((envelopes, shard) => {
    const ids = new Map<string, string>()
    const define = (old: string): string => {
      const id = newId()
      ids.set(old, id)
      return id
    }
    const refer = (old: string): string => ids.get(old) ?? define(old)
    const run: Envelope[] = []
    for (const envelope of envelopes) {
      const [type, body] = Object.entries(envelope)[0] ?? []
      if (type === undefined) continue
      switch (type) {
        case 'meta':
          if (shard === 0) definitions.push(envelope)
          break
        case 'source': {
          const { uri, data } = envelope.source!
          const first = kept.get(`source ${uri}`)
          if (first && first.source !== data) throw shardMismatch(uri, first.shard, names[shard] ?? `shard ${shard + 1}`)
          if (!first) {
            kept.set(`source ${uri}`, { shard: names[shard] ?? `shard ${shard + 1}`, source: data, ids: [] })
            definitions.push(envelope)
          }
          break
        }
        case 'gherkinDocument': {
          const key = `document ${envelope.gherkinDocument!.uri ?? ''}`
          const first = kept.get(key)
          const theirs = collectIds(body as Json)
          if (first) {
            if (first.ids.length !== theirs.length) throw shardMismatch(envelope.gherkinDocument!.uri ?? '', first.shard, names[shard] ?? `shard ${shard + 1}`)
            theirs.forEach((old, i) => ids.set(old, first.ids[i]!))
          } else {
            const copy = renumber(body as Json, define, refer)
            kept.set(key, { shard: names[shard] ?? `shard ${shard + 1}`, source: '', ids: collectIds(copy) })
            definitions.push(envelopeOf(type, copy))
          }
          break
        }
        case 'pickle': {
          const pickle = envelope.pickle!
          const key = `${pickle.uri} ${pickle.astNodeIds.map(refer).join(',')}`
          const first = keptPickles.get(key)
          if (first) collectIds(body as Json).forEach((old, i) => ids.set(old, first[i] ?? newId()))
          else {
            const copy = renumber(body as Json, define, refer)
            keptPickles.set(key, collectIds(copy))
            definitions.push(envelopeOf(type, copy))
          }
          break
        }
        case 'stepDefinition':
        case 'hook':
        case 'parameterType':
        case 'undefinedParameterType':
        case 'parseError': {
          const { id, ...rest } = body as { id?: string } & Record<string, Json>
          const key = `${type} ${stableJson(rest)}`
          const first = keptDefinitions.get(key)
          if (first !== undefined) {
            if (id !== undefined) ids.set(id, first)
          } else {
            const copy = renumber(body as Json, define, refer)
            keptDefinitions.set(key, (copy as { id?: string }).id ?? '')
            definitions.push(envelopeOf(type, copy))
          }
          break
        }
        case 'testRunStarted':
          if (envelope.testRunStarted!.id !== undefined) ids.set(envelope.testRunStarted!.id, runStartedId)
          started.push(envelope.testRunStarted!.timestamp)
          break
        case 'testRunFinished':
          finished.push(renumber(body as Json, define, refer) as unknown as TestRunFinished)
          break
        default:
          run.push(envelopeOf(type, renumber(body as Json, define, refer)))
      }
    }
    runs.push(run)
  })

  const earliest = [...started].sort(compareTimestamps)[0]
  const merged = [...definitions]
  if (earliest) merged.push({ testRunStarted: { id: runStartedId, timestamp: earliest } } as Envelope)
  merged.push(...runs.flat())
  if (finished.length > 0) {
    const latest = [...finished].sort((a, b) => compareTimestamps(a.timestamp, b.timestamp)).at(-1)!
    const failing = finished.find((run) => !run.success)
    const success = finished.length === shards.length && !failing
    const reason = failing ?? latest
    merged.push({
      testRunFinished: {
        ...(reason.message !== undefined ? { message: reason.message } : {}),
        ...(reason.exception !== undefined ? { exception: reason.exception } : {}),
        success,
        timestamp: latest.timestamp,
        ...(earliest ? { testRunStartedId: runStartedId } : {}),
      },
    } as Envelope)
  }
  return merged
}

function envelopeOf(type: string, body: Json): Envelope {
  return { [type]: body } as unknown as Envelope
}

function shardMismatch(uri: string, first: string, second: string): ConfigurationError {
  return new ConfigurationError(`${uri} differs between ${first} and ${second}: the shards ran different versions of it; merge only the shards of one pipeline (one commit)`)
}

/** A copy of `value` with every `id` defined anew and every reference looked up. */
function renumber(value: Json, define: (old: string) => string, refer: (old: string) => string): Json {
  if (Array.isArray(value)) return value.map((item) => renumber(item, define, refer))
  if (value === null || typeof value !== 'object') return value
  const copy: Record<string, Json> = {}
  for (const [key, field] of Object.entries(value)) {
    if (key === 'id' && typeof field === 'string') copy[key] = define(field)
    else if (referenceKeys.has(key) && typeof field === 'string') copy[key] = refer(field)
    else if (referenceKeys.has(key) && Array.isArray(field)) copy[key] = field.map((item) => (typeof item === 'string' ? refer(item) : item))
    else copy[key] = renumber(field, define, refer)
  }
  return copy
}

/** Every `id` in `value`, in the order {@link renumber} meets them. */
function collectIds(value: Json, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) collectIds(item, into)
  else if (value !== null && typeof value === 'object') {
    for (const [key, field] of Object.entries(value)) {
      if (key === 'id' && typeof field === 'string') into.push(field)
      else if (!referenceKeys.has(key)) collectIds(field, into)
    }
  }
  return into
}

/** JSON with sorted keys: two shards' copies of a definition compare equal whatever their field order. */
function stableJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  return `{${Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${stableJson(value[key]!)}`)
    .join(',')}}`
}

function compareTimestamps(a: Timestamp, b: Timestamp): number {
  return Number(a.seconds) - Number(b.seconds) || a.nanos - b.nanos
}
