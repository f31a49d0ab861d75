import { afterAll, beforeAll } from 'vitest'
import { race, unique } from './fixtures.ts'
import { post } from './http.ts'
import { startTestEngine, type TestEngine } from './test-engine.ts'

/**
 * One engine for a test file, started before its tests and disposed of after,
 * with a helper that schedules a fresh race on it.
 *
 * @example
 *   const engine = useSharedEngine()
 *   const id = await engine.newRace() // then post(engine.url, '/bets', single(id, …))
 */
export function useSharedEngine(): { readonly url: string; newRace(): Promise<string> } {
  let engine: TestEngine | undefined
  beforeAll(async () => {
    engine = await startTestEngine()
  })
  afterAll(() => engine?.dispose())
  return {
    get url() {
      if (!engine) throw new Error('the test engine is not started yet: use engine.url inside a test')
      return engine.url
    },
    async newRace() {
      const id = unique('R')
      await post(this.url, '/events', race(id))
      return id
    },
  }
}
