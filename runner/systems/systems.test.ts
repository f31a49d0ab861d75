import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { UnexpectedExit } from '../../drivers/core/process-supervisor.ts'
import type { SystemConfig } from '../config/config.ts'
import { startSystems } from './systems.ts'

// Prints the directory it was given once it exists, then waits to be stopped.
const probe =
  "const dir = process.argv[1]; if (require('fs').existsSync(dir)) console.log('ready ' + dir); setInterval(() " +
  '=> {}, 1000)'

// Prints the lines it was given (exits 3 at a line 'exit'), and on SIGTERM writes its name to the stop log.
const printer =
  "const [name, log, ...lines] = process.argv.slice(1); process.on('SIGTERM', () => { " +
  "require('fs').appendFileSync(log, name + '\\n'); process.exit(0) }); " +
  "for (const line of lines) { if (line === 'exit') process.exit(3); console.log(line) } setInterval(() => {}, 1000)"

let stopLog = ''
afterEach(() => {
  vi.unstubAllEnvs()
  if (stopLog) rmSync(join(stopLog, '..'), { recursive: true, force: true })
  stopLog = ''
})

function printing(name: string, lines: string[], system: Partial<SystemConfig> = {}): SystemConfig {
  stopLog ||= join(mkdtempSync(join(tmpdir(), 'parlance-systems-')), 'stopped.log')
  return {
    command: process.execPath,
    args: ['-e', printer, name, stopLog, ...lines],
    ready: { log: /listening on (\S+)/ },
    ...system,
  }
}

const docker = (): SystemConfig =>
  printing('docker', ['docker daemon emulator listening on tcp://127.0.0.1:2375'], {
    env: { DOCKER_HOST: '{address}' },
  })
const lb = (
  lines = [
    'load balancer listening on http://127.0.0.1:8080 for {address:docker}',
    'load balancer admin on http://127.0.0.1:8081',
  ],
): SystemConfig =>
  printing('lb', lines, {
    after: ['docker'],
    processEnv: { DOCKER_HOST: '{address:docker}' },
    ready: { log: [/load balancer listening on (\S+)/, /admin on (?<admin>\S+)/, /for (?<docker>\S+)/] },
    env: { LB_URL: '{address}', LB_ADMIN_URL: '{admin}/stats', LB_DOCKER: '{docker}' },
  })

describe('startSystems', () => {
  it('starts a system after the systems in its after, with their addresses, and stops it first', async () => {
    const systems = await startSystems(
      ['docker', 'lb'],
      { docker: docker(), lb: lb() },
      { root: tmpdir(), remote: false, env: {} },
    )
    try {
      expect(systems.env).toEqual({
        DOCKER_HOST: 'tcp://127.0.0.1:2375',
        LB_URL: 'http://127.0.0.1:8080',
        LB_ADMIN_URL: 'http://127.0.0.1:8081/stats',
        LB_DOCKER: 'tcp://127.0.0.1:2375',
      })
      expect(systems.lines.map((line) => line.replace(/\(pid \d+, \d+\.\d s\)/, '(…)'))).toEqual([
        'docker: started at tcp://127.0.0.1:2375 (…)',
        'lb: started at http://127.0.0.1:8080 (…)',
      ])
    } finally {
      await systems.stop()
    }
    expect(readFileSync(stopLog, 'utf8')).toBe('lb\ndocker\n')
  })

  it('when a later wave fails, stops what was started and throws the error naming the system', async () => {
    const failing = startSystems(
      ['docker', 'lb'],
      { docker: docker(), lb: lb(['load balancer: no docker at {address:docker}', 'exit']) },
      { root: tmpdir(), remote: false, env: {} },
    )
    const error = await failing.then(
      () => {
        throw new Error('expected startSystems to fail')
      },
      (reason: unknown) => reason as Error,
    )
    expect(error.message).toMatch(
      new RegExp(
        String.raw`^Process "lb" \(.+\) exited with code 3 before it was ready ` +
          String.raw`\(waiting for log lines matching .+ \(in any order\)\)\. Its last 1 line of output:` +
          String.raw`\n {2}\[stdout\] load balancer: no docker at tcp://127\.0\.0\.1:2375$`,
      ),
    )
    expect(readFileSync(stopLog, 'utf8')).toBe('docker\n')
  })

  it('masks the secrets, default and configured, in the never-ready message of a system', async () => {
    vi.stubEnv('PARLANCE_SECRET_QUERY_PARAMETERS', 'otp')
    const lines = [
      'ledger: db postgres://ledger:hunter2-pw@db/ledger?otp=123456',
      'Authorization: Bearer eyJhbGci.x',
      'exit',
    ]
    const error = await startSystems(
      ['ledger'],
      { ledger: printing('ledger', lines) },
      {
        root: tmpdir(),
        remote: false,
        env: {},
      },
    ).then(
      () => {
        throw new Error('expected startSystems to fail')
      },
      (reason: unknown) => reason as Error,
    )
    expect(error.message).toMatch(/^Process "ledger" \(.+\) exited with code 3 before it was ready /)
    expect(error.message.slice(error.message.indexOf('Its last'))).toBe(
      'Its last 2 lines of output:\n' +
        '  [stdout] ledger: db postgres://****:****@db/ledger?otp=****\n' +
        '  [stdout] Authorization: Bearer ****',
    )
    expect(error.message).not.toMatch(/hunter2-pw|123456|eyJhbGci/)
  })

  it('masks the credentials and tokens of the addresses of systems running elsewhere', async () => {
    const shop: SystemConfig = { command: 'node', ready: { log: /listening on (\S+)/ }, env: { SHOP_URL: '{address}' } }
    const systems = await startSystems(
      ['shop'],
      { shop },
      {
        root: tmpdir(),
        remote: true,
        env: { SHOP_URL: 'https://ci:pa55-word@staging.example.com/?access_token=tok-1' },
      },
    )
    expect(systems.lines).toEqual([
      'shop: not started, SHOP_URL=https://****:****@staging.example.com/?access_token=****',
    ])
    expect(systems.env).toEqual({ SHOP_URL: 'https://ci:pa55-word@staging.example.com/?access_token=tok-1' })
    await systems.stop()
  })

  it('refuses to start a system after one that is not started, saying how to start both or neither', async () => {
    await expect(
      startSystems(
        ['docker', 'lb'],
        { docker: docker(), lb: lb() },
        { root: tmpdir(), remote: false, env: { DOCKER_HOST: 'tcp://ci:2375' } },
      ),
    ).rejects.toThrow(
      'systems.lb is to be started after "docker", but "docker" is not started (DOCKER_HOST is already set), ' +
        'so lb cannot be given its address. ' +
        'Unset DOCKER_HOST to start both, or set LB_URL, LB_ADMIN_URL and LB_DOCKER too to start neither.',
    )
  })

  it('tells who listens when a started system dies before it is stopped, and not when it is stopped', async () => {
    const systems = await startSystems(
      ['docker', 'lb'],
      { docker: docker(), lb: lb() },
      { root: tmpdir(), remote: false, env: {} },
    )
    const exits: UnexpectedExit[] = []
    try {
      const [, lbPid] = systems.pids
      const died = new Promise<void>((resolve) =>
        systems.onUnexpectedExit((exit) => {
          exits.push(exit)
          resolve()
        }),
      )
      process.kill(lbPid!, 'SIGKILL')
      await died
      const late: UnexpectedExit[] = []
      systems.onUnexpectedExit((exit) => late.push(exit))
      expect(late).toEqual(exits)
      expect(exits).toEqual([
        { name: 'lb', pid: lbPid, code: null, signal: 'SIGKILL', at: expect.any(Date) as unknown },
      ])
    } finally {
      await systems.stop()
    }
    expect(exits).toHaveLength(1)
    expect(readFileSync(stopLog, 'utf8')).toBe('docker\n')
  })

  it('gives a system a fresh {tempDir} for the run and removes it when the system stops', async () => {
    const systems = await startSystems(
      ['probe'],
      {
        probe: {
          command: process.execPath,
          args: ['-e', probe, '{tempDir}'],
          ready: { log: /^ready (\S+)$/ },
          env: { PROBE_DIR: '{address}' },
        },
      },
      { root: tmpdir(), remote: false, env: {} },
    )
    const dir = systems.env.PROBE_DIR!
    try {
      expect(dir).toMatch(/\/parlance-probe-[^/]+$/)
      expect(existsSync(dir)).toBe(true)
    } finally {
      await systems.stop()
    }
    expect(existsSync(dir)).toBe(false)
  })
})
