import type { Envelope } from '@cucumber/messages'

/**
 * A kind of cucumber message: the one field an envelope has.
 *
 * @example
 *   const kind: MessageKind = 'testCaseStarted'
 */
export type MessageKind = keyof Envelope

/**
 * Every field of the cucumber messages (protocol 32 and 33) that refers to
 * an id another message defines, and the message kinds that define it. An id
 * is defined by an `id` field anywhere inside a message: a pickle's steps and
 * a test case's steps are defined by the pickle and the test case. `workerId`
 * is not here: it names a cucumber worker process, which no message defines.
 *
 * @example
 *   idReferences.testStepId // ['testCase']
 *   idReferences.astNodeIds // ['gherkinDocument']
 */
export const idReferences = {
  astNodeId: ['gherkinDocument'],
  astNodeIds: ['gherkinDocument'],
  pickleId: ['pickle'],
  pickleStepId: ['pickle'],
  stepDefinitionIds: ['stepDefinition'],
  hookId: ['hook'],
  testCaseId: ['testCase'],
  testCaseStartedId: ['testCaseStarted'],
  testStepId: ['testCase'],
  testRunStartedId: ['testRunStarted'],
  testRunHookStartedId: ['testRunHookStarted'],
} as const satisfies Record<string, readonly MessageKind[]>

/**
 * A field that refers to an id: a key of {@link idReferences}.
 *
 * @example
 *   const field: IdReference = 'testStepId'
 */
export type IdReference = keyof typeof idReferences

/**
 * Where {@link mapIds} met an id: the `id` that defines it, or a field that refers to it.
 *
 * @example
 *   const field: IdField = 'id'
 */
export type IdField = 'id' | IdReference

/**
 * Whether a message field refers to an id another message defines.
 *
 * @example
 *   isIdReference('testCaseStartedId') // true
 *   isIdReference('workerId') // false
 */
export function isIdReference(key: string): key is IdReference {
  return Object.hasOwn(idReferences, key)
}

/**
 * A copy of a message (or any part of one) with each id replaced by what
 * `map` returns for it: each string `id`, at any depth, and each string, or
 * string in a list, of a field in {@link idReferences}. Every other field is
 * copied as it is — `workerId` included. `map` is called in field order,
 * depth first, so two copies of one message meet their ids in the same order.
 *
 * @example
 *   mapIds({ id: '7', testCaseId: '3', workerId: '0' }, (id) => `api:${id}`)
 *   // → { id: 'api:7', testCaseId: 'api:3', workerId: '0' }
 *   mapIds({ id: '2', astNodeIds: ['5'] }, (id, field) => (field === 'id' ? 'new' : 'ref'))
 *   // → { id: 'new', astNodeIds: ['ref'] }
 */
export function mapIds<T>(message: T, map: (id: string, field: IdField) => string): T {
  return mapValue(message, map) as T
}

/**
 * Calls `visit` for each id {@link mapIds} would map, in the same order.
 *
 * @example
 *   const defined: string[] = []
 *   forEachId({ id: '1', steps: [{ id: '2' }], pickleId: '9' }, (id, field) => field === 'id' && defined.push(id))
 *   // → defined: ['1', '2']
 */
export function forEachId(message: unknown, visit: (id: string, field: IdField) => void): void {
  mapValue(message, (id, field) => {
    visit(id, field)
    return id
  })
}

function mapValue(value: unknown, map: (id: string, field: IdField) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => mapValue(item, map))
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, mapField(key, field, map)]))
}

function mapField(key: string, field: unknown, map: (id: string, field: IdField) => string): unknown {
  if (key === 'id' && typeof field === 'string') return map(field, key)
  if (!isIdReference(key)) return mapValue(field, map)
  if (typeof field === 'string') return map(field, key)
  if (Array.isArray(field)) return field.map((item) => (typeof item === 'string' ? map(item, key) : item))
  return mapValue(field, map)
}
