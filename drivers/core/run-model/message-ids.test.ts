import type { Envelope } from '@cucumber/messages'
import { describe, expect, test } from 'vitest'
import { forEachId, idReferences, isIdReference, mapIds, type IdField } from './message-ids.ts'

const testStep = {
  hookId: 'h1',
  id: 's1',
  pickleStepId: 'ps1',
  stepDefinitionIds: ['d1', 'd2'],
  stepMatchArgumentsLists: [{ stepMatchArguments: [] }],
}
const testCase: Envelope = { testCase: { id: 'c1', pickleId: 'p1', testRunStartedId: 'r1', testSteps: [testStep] } }

describe('idReferences', () => {
  test('names every id reference of protocol 33 and the kinds that define its ids', () => {
    expect(idReferences).toEqual({
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
    })
  })

  test('isIdReference: the table, not a guess from the name', () => {
    expect(['testCaseStartedId', 'astNodeIds', 'testRunHookStartedId'].map(isIdReference)).toEqual([true, true, true])
    expect(['workerId', 'id', 'uri', 'toString', 'constructor'].map(isIdReference)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ])
  })
})

describe('mapIds', () => {
  test('maps each defining id, at any depth, and each reference, in a copy', () => {
    const mapped = mapIds(testCase, (id, field) => `${field}:${id}`)
    expect(mapped).toEqual({
      testCase: {
        id: 'id:c1',
        pickleId: 'pickleId:p1',
        testRunStartedId: 'testRunStartedId:r1',
        testSteps: [
          {
            hookId: 'hookId:h1',
            id: 'id:s1',
            pickleStepId: 'pickleStepId:ps1',
            stepDefinitionIds: ['stepDefinitionIds:d1', 'stepDefinitionIds:d2'],
            stepMatchArgumentsLists: [{ stepMatchArguments: [] }],
          },
        ],
      },
    })
    expect(testCase.testCase!.id).toBe('c1')
  })

  test('leaves a field that is not in the table alone, workerId included', () => {
    const started: Envelope = {
      testCaseStarted: { attempt: 0, id: '5', testCaseId: '4', workerId: '0', timestamp: { seconds: 1, nanos: 0 } },
    }
    expect(mapIds(started, (id) => `api:${id}`)).toEqual({
      testCaseStarted: {
        attempt: 0,
        id: 'api:5',
        testCaseId: 'api:4',
        workerId: '0',
        timestamp: { seconds: 1, nanos: 0 },
      },
    })
    expect(mapIds({ uri: 'a.feature', data: 'Feature: id', name: 'id' }, () => 'x')).toEqual({
      uri: 'a.feature',
      data: 'Feature: id',
      name: 'id',
    })
  })

  test('keeps what is not a string id as it is: a numeric id, a non-string in a list of references', () => {
    expect(mapIds({ id: 3, astNodeIds: ['1', 2], tags: [{ id: '7', astNodeId: '8' }] }, (id) => `n${id}`)).toEqual({
      id: 3,
      astNodeIds: ['n1', 2],
      tags: [{ id: 'n7', astNodeId: 'n8' }],
    })
  })
})

describe('forEachId', () => {
  test('meets the ids in the order mapIds maps them, depth first in field order', () => {
    const met: [string, IdField][] = []
    forEachId(testCase, (id, field) => met.push([id, field]))
    expect(met).toEqual([
      ['c1', 'id'],
      ['p1', 'pickleId'],
      ['r1', 'testRunStartedId'],
      ['h1', 'hookId'],
      ['s1', 'id'],
      ['ps1', 'pickleStepId'],
      ['d1', 'stepDefinitionIds'],
      ['d2', 'stepDefinitionIds'],
    ])
  })
})
