import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, test } from 'vitest'

const repo = fileURLToPath(new URL('../../', import.meta.url))
const cucumber = fileURLToPath(new URL('../../node_modules/@cucumber/cucumber/bin/cucumber.js', import.meta.url))

// The feature files of the pickles plain cucumber-js would run with these arguments (a dry run: no step runs).
async function pickledUris(args: string[]): Promise<Set<string>> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [cucumber, '--dry-run', '--format', 'message', ...args],
    {
      cwd: repo,
      maxBuffer: 64 * 1024 * 1024,
    },
  )
  const pickles = stdout.split('\n').flatMap((line) => (line.includes('"pickle"') ? [JSON.parse(line).pickle.uri] : []))
  return new Set(pickles as string[])
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
})
