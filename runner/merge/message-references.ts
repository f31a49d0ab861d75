import type { Envelope } from '@cucumber/messages'

/** Which message kinds define the ids each reference field points at. */
const targets: Record<string, string[]> = {
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
}

/**
 * What is wrong with the ids of a message stream: an id defined twice, or a
 * reference to an id no message of the right kind defines. Empty when every
 * reference resolves — what a merge must keep true.
 *
 * @example
 *   idProblems(joinShards([shard1, shard2])) // []
 *   idProblems([{ testCase: { id: '1', pickleId: '9', testSteps: [] } }]) // ['testCase.pickleId "9" is defined by no pickle']
 */
export function idProblems(envelopes: readonly Envelope[]): string[] {
  const defined = new Map<string, string>()
  const problems: string[] = []
  for (const envelope of envelopes) {
    const [type, body] = Object.entries(envelope)[0] ?? []
    if (type === undefined) continue
    walk(body, (key, value) => {
      if (key !== 'id') return
      if (defined.has(value)) problems.push(`${type}.id "${value}" is also the id of a ${defined.get(value)}`)
      defined.set(value, type)
    })
  }
  for (const envelope of envelopes) {
    const [type, body] = Object.entries(envelope)[0] ?? []
    if (type === undefined) continue
    walk(body, (key, value) => {
      const kinds = targets[key]
      if (kinds && !kinds.includes(defined.get(value) ?? '')) problems.push(`${type}.${key} "${value}" is defined by no ${kinds.join(' or ')}`)
    })
  }
  return problems
}

function walk(value: unknown, visit: (key: string, value: string) => void): void {
  if (Array.isArray(value)) for (const item of value) walk(item, visit)
  else if (value !== null && typeof value === 'object') {
    for (const [key, field] of Object.entries(value)) {
      if (typeof field === 'string') visit(key, field)
      else if (Array.isArray(field) && field.every((item) => typeof item === 'string')) for (const item of field) visit(key, item as string)
      else walk(field, visit)
    }
  }
}
