import type { Envelope } from '@cucumber/messages'
import { forEachId, idReferences } from '../../drivers/core/run-model/message-ids.ts'

/**
 * What is wrong with the ids of a message stream: an id defined twice, or a
 * reference to an id no message of the right kind defines. Empty when every
 * reference resolves — what a merge must keep true.
 *
 * @example
 *   import { joinShards } from './join-shards.ts'
 *   declare const shard1: Envelope[], shard2: Envelope[]
 *   idProblems(joinShards([shard1, shard2])) // []
 *   idProblems([{ testCase: { id: '1', pickleId: '9', testSteps: [] } }])
 *   // → ['testCase.pickleId "9" is defined by no pickle']
 */
export function idProblems(envelopes: readonly Envelope[]): string[] {
  const defined = new Map<string, string>()
  const problems: string[] = []
  for (const [kind, message] of messagesOf(envelopes)) {
    forEachId(message, (id, field) => {
      if (field !== 'id') return
      if (defined.has(id)) problems.push(`${kind}.id "${id}" is also the id of a ${defined.get(id)}`)
      defined.set(id, kind)
    })
  }
  for (const [kind, message] of messagesOf(envelopes)) {
    forEachId(message, (id, field) => {
      if (field === 'id') return
      const kinds: readonly string[] = idReferences[field]
      if (!kinds.includes(defined.get(id) ?? ''))
        problems.push(`${kind}.${field} "${id}" is defined by no ${kinds.join(' or ')}`)
    })
  }
  return problems
}

function messagesOf(envelopes: readonly Envelope[]): [string, unknown][] {
  return envelopes.flatMap((envelope) => Object.entries(envelope).slice(0, 1))
}
