import { expect, test } from 'vitest'
import type { HostProbe } from './availability.ts'
import { runDockerAcceptance } from './docker-acceptance.ts'

const notRoot: HostProbe = { platform: 'linux', uid: 1000, has: () => true, bridgeExists: false, dockerChains: [] }

async function runWithout(env: NodeJS.ProcessEnv): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = []
  const code = await runDockerAcceptance({
    cwd: process.cwd(),
    env,
    say: (line) => void lines.push(line),
    probe: async () => notRoot,
  })
  return { code, lines }
}

test('where no daemon can be had it says why and exits 0, starting nothing', async () => {
  expect(await runWithout({})).toEqual({
    code: 0,
    lines: [
      'acceptance:docker: skipped — no Docker daemon can be had here: starting a Docker daemon needs root, and ' +
        'this runs as uid 1000; run it as root (CI does)',
    ],
  })
})

test('in CI, no daemon is a failure', async () => {
  expect(await runWithout({ CI: 'true' })).toEqual({
    code: 1,
    lines: [
      'acceptance:docker: FAILED — no Docker daemon can be had here, and CI needs one: starting a Docker daemon ' +
        'needs root, and this runs as uid 1000; run it as root (CI does)',
    ],
  })
})
