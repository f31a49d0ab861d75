import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { fixture, ParlanceCli } from './run-cli.ts'

let cli: ParlanceCli
afterEach(() => cli.cleanup())

describe('parlance run starts a system after the systems it needs', { timeout: 60_000 }, () => {
  test('starts docker, then the load balancer given its address, and hands the tests both of its URLs', async () => {
    cli = new ParlanceCli(fixture('docker-lb'))
    const { code, stdout, stderr } = await cli.run(['run', '--reports', cli.reportsDir])
    const systemLines = stdout
      .split('\n')
      .filter((line) => /^ {2}\w+: (started|not started)/.test(line))
      .map((line) => line.replace(/:\d+ /, ':PORT ').replace(/\(pid \d+, \d+\.\d s\)/, '(…)'))
    expect(systemLines).toEqual([
      '  docker: started at tcp://127.0.0.1:PORT (…)',
      '  lb: started at http://127.0.0.1:PORT (…)',
    ])
    const docker = /docker: started at (\S+)/.exec(stdout)?.[1] ?? 'no docker line'
    const lb = /lb: started at (\S+)/.exec(stdout)?.[1] ?? 'no lb line'
    // One step, one line: what it read from DOCKER_HOST, LB_URL and LB_ADMIN_URL, and which server answered each.
    const [seen, ...more] = readFileSync(join(cli.stateDir, 'steps.log'), 'utf8').trim().split('\n')
    expect(more).toEqual([])
    expect(seen).toMatch(
      new RegExp(
        `^api \\w+ \\d+ DOCKER_HOST=${docker} LB_URL=${lb}:public LB_ADMIN_URL=http://127\\.0\\.0\\.1:\\d+:admin$`,
      ),
    )
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(cli.systemPids()).toHaveLength(2)
    expect(await cli.leftovers()).toEqual([])
  })
})
