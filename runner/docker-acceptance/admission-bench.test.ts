import { expect, test } from 'vitest'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { parseAdmissionArgs, runAdmissionBench } from './admission-bench.ts'
import type { HostProbe } from './availability.ts'

test('--runs: 20 by default, a whole number from 1 to 100', () => {
  expect(parseAdmissionArgs([])).toEqual({ runs: 20 })
  expect(parseAdmissionArgs(['--runs', '100'])).toEqual({ runs: 100 })
  expect(() => parseAdmissionArgs(['--runs', '101'])).toThrow(
    new ConfigurationError(
      'bench:lb-admission: --runs takes a whole number from 1 to 100, got "101"; ' +
        'e.g. npm run bench:lb-admission -- --runs 20',
    ),
  )
  expect(() => parseAdmissionArgs(['--run', '5'])).toThrow(
    new ConfigurationError(
      'bench:lb-admission: it takes only --runs N, got "--run 5"; e.g. npm run bench:lb-admission -- --runs 20',
    ),
  )
})

test('where no daemon can be had it says why and exits 0, starting nothing', async () => {
  const notRoot: HostProbe = { platform: 'linux', uid: 1000, has: () => true, bridgeExists: false, dockerChains: [] }
  const lines: string[] = []
  const code = await runAdmissionBench({
    runs: 1,
    cwd: process.cwd(),
    env: {},
    say: (line) => void lines.push(line),
    probe: async () => notRoot,
  })
  expect({ code, lines }).toEqual({
    code: 0,
    lines: [
      'bench:lb-admission: skipped — no Docker daemon can be had here: starting a Docker daemon needs root, and ' +
        'this runs as uid 1000; run it as root (CI does)',
    ],
  })
})
