import type { Envelope, TestRunFinished, Timestamp } from '@cucumber/messages'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { forEachId, mapIds } from '../../drivers/core/run-model/message-ids.ts'
import { earliestStart, joinedRunFinished } from './join-run-ends.ts'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** What the join has kept so far, read shard after shard. */
interface Join {
  next: number
  /** The joined run's one testRunStarted: the first id given, every shard's run-start id maps to it. */
  readonly runStartedId: string
  readonly definitions: Envelope[]
  readonly runs: Envelope[]
  readonly sources: Map<string, { shard: string; data: string }>
  readonly documents: Map<string, { shard: string; ids: string[] }>
  readonly pickles: Map<string, string[]>
  readonly keptDefinitions: Map<string, string>
  readonly started: Timestamp[]
  readonly finished: TestRunFinished[]
}

/** One shard being read: its name, and its ids mapped to the joined run's. */
interface Shard {
  readonly name: string
  readonly first: boolean
  readonly ids: Map<string, string>
}

/** One envelope of a shard: its message kind, the message, and the envelope as read. */
interface Message {
  readonly kind: string
  readonly body: Json
  readonly envelope: Envelope
}

type Handler = (join: Join, shard: Shard, message: Message) => void

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
 *   import { readMessages } from './read-messages.ts'
 *   const merged = joinShards([
 *     await readMessages('shard-1-of-2/api/messages.ndjson'),
 *     await readMessages('shard-2-of-2/api/messages.ndjson'),
 *   ])
 *   merged.filter((envelope) => envelope.testRunStarted).length // 1
 */
export function joinShards(
  shards: readonly (readonly Envelope[])[],
  names: readonly string[] = shards.map((_, i) => `shard ${i + 1}`),
): Envelope[] {
  const join = startJoin()
  for (const [i, envelopes] of shards.entries())
    readShard(join, envelopes, { name: names[i] ?? `shard ${i + 1}`, first: i === 0, ids: new Map() })
  return joinedMessages(join, shards.length)
}

function startJoin(): Join {
  return {
    next: 1,
    runStartedId: '0',
    definitions: [],
    runs: [],
    sources: new Map(),
    documents: new Map(),
    pickles: new Map(),
    keptDefinitions: new Map(),
    started: [],
    finished: [],
  }
}

function readShard(join: Join, envelopes: readonly Envelope[], shard: Shard): void {
  for (const envelope of envelopes) {
    const [kind, body] = Object.entries(envelope)[0] ?? []
    if (kind === undefined) continue
    const handle = handlers.get(kind) ?? keepRunMessage
    handle(join, shard, { kind, body: body as Json, envelope })
  }
}

/** How each kind of message joins; any other kind is a run message, kept shard after shard. */
const handlers = new Map<string, Handler>([
  ['meta', keepFirstMeta],
  ['source', keepSource],
  ['gherkinDocument', keepDocument],
  ['pickle', keepPickle],
  ['stepDefinition', keepDefinition],
  ['hook', keepDefinition],
  ['parameterType', keepDefinition],
  ['undefinedParameterType', keepDefinition],
  ['parseError', keepDefinition],
  ['testRunStarted', noteRunStarted],
  ['testRunFinished', noteRunFinished],
])

function keepFirstMeta(join: Join, shard: Shard, { envelope }: Message): void {
  if (shard.first) join.definitions.push(envelope)
}

function keepSource(join: Join, shard: Shard, { envelope }: Message): void {
  const { uri, data } = envelope.source!
  const first = join.sources.get(uri)
  if (first && first.data !== data) throw shardMismatch(uri, first.shard, shard.name)
  if (first) return
  join.sources.set(uri, { shard: shard.name, data })
  join.definitions.push(envelope)
}

/** A feature file's document once; a later shard's copy maps its AST node ids onto the kept ones, in order. */
function keepDocument(join: Join, shard: Shard, { kind, body, envelope }: Message): void {
  const uri = envelope.gherkinDocument!.uri ?? ''
  const first = join.documents.get(uri)
  if (!first) {
    const copy = renumber(join, shard, body)
    join.documents.set(uri, { shard: shard.name, ids: definedIds(copy) })
    join.definitions.push(envelopeOf(kind, copy))
    return
  }
  const theirs = definedIds(body)
  if (first.ids.length !== theirs.length) throw shardMismatch(uri, first.shard, shard.name)
  for (const [i, old] of theirs.entries()) shard.ids.set(old, first.ids[i]!)
}

/** A pickle once per uri and AST nodes; a later shard's copy maps its pickle and step ids onto the kept ones. */
function keepPickle(join: Join, shard: Shard, { kind, body, envelope }: Message): void {
  const pickle = envelope.pickle!
  const key = `${pickle.uri} ${pickle.astNodeIds.map((old) => refer(join, shard, old)).join(',')}`
  const first = join.pickles.get(key)
  if (first) {
    for (const [i, old] of definedIds(body).entries()) shard.ids.set(old, first[i] ?? newId(join))
    return
  }
  const copy = renumber(join, shard, body)
  join.pickles.set(key, definedIds(copy))
  join.definitions.push(envelopeOf(kind, copy))
}

/** A step definition, hook, parameter type or parse error once: the same in everything but the id. */
function keepDefinition(join: Join, shard: Shard, { kind, body }: Message): void {
  const { id, ...rest } = body as { id?: string } & Record<string, Json>
  const key = `${kind} ${stableJson(rest)}`
  const first = join.keptDefinitions.get(key)
  if (first !== undefined) {
    if (id !== undefined) shard.ids.set(id, first)
    return
  }
  const copy = renumber(join, shard, body)
  join.keptDefinitions.set(key, (copy as { id?: string }).id ?? '')
  join.definitions.push(envelopeOf(kind, copy))
}

function noteRunStarted(join: Join, shard: Shard, { envelope }: Message): void {
  const { id, timestamp } = envelope.testRunStarted!
  if (id !== undefined) shard.ids.set(id, join.runStartedId)
  join.started.push(timestamp)
}

function noteRunFinished(join: Join, shard: Shard, { body }: Message): void {
  join.finished.push(renumber(join, shard, body) as unknown as TestRunFinished)
}

function keepRunMessage(join: Join, shard: Shard, { kind, body }: Message): void {
  join.runs.push(envelopeOf(kind, renumber(join, shard, body)))
}

/** The definitions, the earliest start, every shard's run messages, and one finish. */
function joinedMessages(join: Join, shardCount: number): Envelope[] {
  const earliest = earliestStart(join.started)
  const started = earliest ? [{ testRunStarted: { id: join.runStartedId, timestamp: earliest } } as Envelope] : []
  const finished =
    join.finished.length > 0
      ? [joinedRunFinished(join.finished, shardCount, earliest ? join.runStartedId : undefined)]
      : []
  return [...join.definitions, ...started, ...join.runs, ...finished]
}

function newId(join: Join): string {
  return String(join.next++)
}

function define(join: Join, shard: Shard, old: string): string {
  const id = newId(join)
  shard.ids.set(old, id)
  return id
}

function refer(join: Join, shard: Shard, old: string): string {
  return shard.ids.get(old) ?? define(join, shard, old)
}

/** A copy of `value` with every `id` defined anew and every reference looked up. */
function renumber(join: Join, shard: Shard, value: Json): Json {
  return mapIds(value, (old, field) => (field === 'id' ? define(join, shard, old) : refer(join, shard, old)))
}

/** Every `id` in `value`, in the order {@link renumber} meets them. */
function definedIds(value: Json): string[] {
  const ids: string[] = []
  forEachId(value, (id, field) => {
    if (field === 'id') ids.push(id)
  })
  return ids
}

function envelopeOf(kind: string, body: Json): Envelope {
  return { [kind]: body } as unknown as Envelope
}

function shardMismatch(uri: string, first: string, second: string): ConfigurationError {
  return new ConfigurationError(
    `${uri} differs between ${first} and ${second}: the shards ran different versions of it; merge only the ` +
      `shards of one pipeline (one commit)`,
  )
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
