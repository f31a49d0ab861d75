import { describe, expect, test } from 'vitest'
import { findCycle, startWaves, withPrerequisites } from './system-order.ts'

const systems = { db: {}, docker: {}, lb: { after: ['docker'] }, proxy: { after: ['lb', 'db'] }, engine: {} }

describe('withPrerequisites', () => {
  test('adds the systems a system starts after, transitively, in declared order', () => {
    expect(withPrerequisites(['proxy'], systems)).toEqual(['db', 'docker', 'lb', 'proxy'])
    expect(withPrerequisites(new Set(['engine', 'lb']), systems)).toEqual(['docker', 'lb', 'engine'])
  })
})

describe('startWaves', () => {
  test('starts a system in the wave after the last system it starts after', () => {
    expect(startWaves(['db', 'docker', 'lb', 'proxy', 'engine'], systems)).toEqual([
      ['db', 'docker', 'engine'],
      ['lb'],
      ['proxy'],
    ])
  })

  test('does not wait for a system that is not among those to start', () => {
    expect(startWaves(['lb', 'engine'], systems)).toEqual([['lb', 'engine']])
  })

  test('refuses a cycle, naming it', () => {
    expect(() => startWaves(['a', 'b', 'c'], { a: {}, b: { after: ['c'] }, c: { after: ['b'] } })).toThrow(
      'The systems b, c cannot start: their after lists make a cycle (b → c → b). Remove one of its links.',
    )
  })
})

describe('findCycle', () => {
  test('finds the path that closes a cycle, ignoring a system naming itself', () => {
    expect(findCycle({ a: { after: ['b'] }, b: { after: ['c'] }, c: { after: ['a'] } })).toEqual(['a', 'b', 'c', 'a'])
    expect(findCycle({ a: { after: ['a'] }, b: { after: ['a'] } })).toBeUndefined()
    expect(findCycle(systems)).toBeUndefined()
  })
})
