import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, test } from 'vitest'

const repo = fileURLToPath(new URL('../../', import.meta.url))
const cucumber = fileURLToPath(new URL('../../node_modules/@cucumber/cucumber/bin/cucumber.js', import.meta.url))

// What plain cucumber-js would run with these arguments (a dry run: no step runs), as messages.
async function dryRun(args: string[]): Promise<Record<string, unknown>[]> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [cucumber, '--dry-run', '--format', 'message', ...args],
    {
      cwd: repo,
      maxBuffer: 64 * 1024 * 1024,
    },
  )
  return stdout.split('\n').flatMap((line) => (line.trim() === '' ? [] : [JSON.parse(line)]))
}

// The feature files of the pickles plain cucumber-js would run with these arguments.
async function pickledUris(args: string[]): Promise<Set<string>> {
  const messages = await dryRun(args)
  return new Set(messages.flatMap((message) => (message.pickle ? [(message.pickle as { uri: string }).uri] : [])))
}

describe('plain cucumber-js with this repository’s cucumber.js', { timeout: 60_000 }, () => {
  test('runs only the folder it is given, and every domain’s specs when given none', async () => {
    const loadBalancer = await pickledUris(['specs/load-balancer'])
    expect(loadBalancer.size).toBeGreaterThan(0)
    expect([...loadBalancer].filter((uri) => !uri.startsWith('specs/load-balancer/'))).toEqual([])
    const all = await pickledUris([])
    expect([...all].some((uri) => uri.startsWith('specs/settlement/'))).toBe(true)
    expect([...all].some((uri) => uri.startsWith('specs/load-balancer/'))).toBe(true)
  })

  test('loads the shared support and the named domain’s own steps and parameter types only', async () => {
    const messages = await dryRun(['specs/load-balancer'])
    const sources = messages.flatMap((message) => {
      const defined = (message.stepDefinition ?? message.parameterType) as
        | { sourceReference?: { uri?: string } }
        | undefined
      return defined?.sourceReference?.uri ? [defined.sourceReference.uri] : []
    })
    expect(sources.some((uri) => uri.startsWith('specs/load-balancer/steps/'))).toBe(true)
    expect(sources.filter((uri) => uri.startsWith('specs/') && !uri.startsWith('specs/load-balancer/'))).toEqual([])
  })
})
