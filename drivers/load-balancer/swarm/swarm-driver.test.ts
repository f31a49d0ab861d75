import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { AliasedName } from '../../core/aliased-name.ts'
import { NotApplicableError } from '../../core/errors/not-applicable-error.ts'
import { SystemCompromisedError } from '../../core/errors/system-compromised-error.ts'
import { eventually } from '../../core/eventually.ts'
import { fakeDriverContext, type FakeDriverContext } from '../../core/test-fixtures/fake-driver-context.ts'
import { createDockerDaemon, DockerEngineClient, type DockerDaemon } from '../docker-daemon/index.ts'
import { SwarmDriver, type StartedReplica } from './swarm-driver.ts'

const host = 'checkout-r7k2-host01.parlance.test'
const name = (n: number): AliasedName => `checkout-${n}-r7k2-rep00${n}` as AliasedName

let daemon: DockerDaemon
let ctx: FakeDriverContext
let swarm: SwarmDriver
let client: DockerEngineClient

beforeEach(async () => {
  daemon = await createDockerDaemon({ tcp: true })
  ctx = fakeDriverContext({ DOCKER_URL: daemon.url! }, 'http')
  swarm = new SwarmDriver(ctx)
  client = new DockerEngineClient({ url: daemon.url! })
})

afterEach(async () => {
  await ctx.endScenario({ failed: false })
  await daemon.close()
})

/** The replica's published port on 127.0.0.1, as `docker inspect` shows it. */
async function portOf(replica: StartedReplica): Promise<string> {
  return (await client.inspect(replica.id)).NetworkSettings.Ports['8080/tcp']![0]!.HostPort
}

async function get(replica: StartedReplica, timeoutMs = 2_000): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${await portOf(replica)}/`, { signal: AbortSignal.timeout(timeoutMs) })
  return response.json()
}

const exited = (replica: StartedReplica) =>
  eventually(() => daemon.container(replica.id).state === 'exited', {
    timeout: 5_000,
    interval: 20,
    description: `${replica.name} to exit`,
  })

describe('SwarmDriver against the emulated Docker daemon', () => {
  test('starts a replica labelled for the load balancer, published on loopback, answering with its name', async () => {
    const replica = await swarm.startReplica({ name: name(1), host, health: 'none', weight: 3, version: '2' })
    const container = daemon.container(replica.id)
    expect([
      replica.name,
      container.name,
      container.state,
      container.health,
      container.publish,
      container.publishIp,
    ]).toEqual([name(1), name(1), 'running', 'none', true, '127.0.0.1'])
    expect(container.labels).toEqual({ 'lb.host': host, 'lb.port': '8080', 'lb.weight': '3', version: '2' })
    expect(container.env).toEqual(['PORT=8080', `CONTAINER_NAME=${name(1)}`])
    expect((await client.inspect(replica.id)).Config.Image).toBe('parlance/backend:latest')
    expect(await get(replica)).toEqual({ container: name(1), requests: 1, path: '/' })
    expect(await swarm.running(replica)).toBe(true)
    expect(ctx.logLines).toEqual([`started replica ${name(1)} (${replica.id.slice(0, 12)}) for ${host}`])
  })

  test('a replica with a health check starts "starting" until told otherwise', async () => {
    const replica = await swarm.startReplica({ name: name(1), host, health: 'starting' })
    expect([daemon.container(replica.id).health, daemon.container(replica.id).healthcheck?.Test]).toEqual([
      'starting',
      ['CMD-SHELL', 'test -e /tmp/parlance-health-passes && wget -q -O- http://127.0.0.1:8080/health'],
    ])
    await swarm.setHealth(replica, 'unhealthy')
    expect(daemon.container(replica.id).health).toBe('unhealthy')
    await swarm.healthCheckPasses(replica)
    expect(daemon.container(replica.id).health).toBe('healthy')
  })

  test("crash kills the process behind the daemon's back: the daemon sees it exit 137", async () => {
    const replica = await swarm.startReplica({ name: name(1), host, health: 'none' })
    const pid = daemon.container(replica.id).pid!
    await swarm.crash(replica)
    await exited(replica)
    expect([daemon.container(replica.id).exitCode, await swarm.running(replica), alive(pid)]).toEqual([
      137,
      false,
      false,
    ])
    await expect(swarm.crash(replica)).rejects.toThrow(
      new SystemCompromisedError(
        `cannot send SIGKILL to replica ${name(1)}: the daemon says it is exited, with no process`,
      ),
    )
  })

  test('terminate sends SIGTERM and returns once the replica has shut down by itself, exit 0', async () => {
    const replica = await swarm.startReplica({ name: name(1), host, health: 'none' })
    await swarm.terminate(replica)
    expect(await swarm.running(replica)).toBe(false)
    expect(daemon.container(replica.id).exitCode).toBe(0)
    expect(ctx.logLines.slice(-2)).toEqual([
      `replica ${name(1)} was sent SIGTERM`,
      `replica ${name(1)} exited after SIGTERM`,
    ])
  })

  test('freeze hangs the replica (SIGSTOP) until it is thawed (SIGCONT)', async () => {
    const replica = await swarm.startReplica({ name: name(1), host, health: 'none' })
    await swarm.freeze(replica, true)
    await expect(get(replica, 300)).rejects.toThrow(/aborted due to timeout/)
    await swarm.freeze(replica, false)
    expect(await get(replica)).toMatchObject({ container: name(1) })
    expect(ctx.logLines.slice(-2)).toEqual([
      `replica ${name(1)} frozen (SIGSTOP)`,
      `replica ${name(1)} thawed (SIGCONT)`,
    ])
  })

  test('stop is `docker stop`: it resolves once the replica has stopped', async () => {
    const replica = await swarm.startReplica({ name: name(1), host, health: 'none' })
    await swarm.stop(replica, 2)
    expect([
      daemon.container(replica.id).state,
      daemon.container(replica.id).exitCode,
      await swarm.running(replica),
    ]).toEqual(['exited', 0, false])
  })

  test('when the scenario ends, every container it started is removed and no process is left', async () => {
    const first = await swarm.startReplica({ name: name(1), host, health: 'none' })
    const second = await swarm.startReplica({ name: name(2), host, health: 'none' })
    const pids = [daemon.container(first.id).pid!, daemon.container(second.id).pid!]
    await swarm.stop(first)
    await ctx.endScenario({ failed: false })
    expect(await client.list({ all: true })).toEqual([])
    expect(pids.map(alive)).toEqual([false, false])
  })

  test('tells the emulated daemon to drop its event streams', async () => {
    await swarm.dropEvents(50)
    expect(ctx.logLines).toEqual(['Docker event streams dropped, refused for 50 ms'])
  })
})

describe("SwarmDriver against a daemon without the emulator's endpoints", () => {
  let server: Server
  let other: FakeDriverContext
  let url: string
  let execs: string[]
  let exitCode: number

  // A real daemon as far as these calls go: no /_emulator endpoints, and `docker exec` that records its command.
  beforeEach(async () => {
    execs = []
    exitCode = 0
    server = createServer((request, response) => {
      let body = ''
      request.on('data', (chunk: Buffer) => (body += chunk))
      request.on('end', () => {
        const json = (status: number, value: unknown) =>
          response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value))
        if (request.url === '/containers/abc/exec') {
          execs.push((JSON.parse(body) as { Cmd: string[] }).Cmd.join(' '))
          return json(201, { Id: 'e1' })
        }
        if (request.url === '/exec/e1/start') return response.writeHead(200).end()
        if (request.url === '/exec/e1/json') return json(200, { Running: false, ExitCode: exitCode })
        json(404, { message: 'page not found' })
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `tcp://127.0.0.1:${(server.address() as AddressInfo).port}`
    other = fakeDriverContext({ DOCKER_URL: url }, 'http')
  })

  afterEach(async () => {
    await other.endScenario({ failed: false })
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  test('what only the emulator can be told is not applicable', async () => {
    const real = new SwarmDriver(other)
    const replica = { id: 'abc', name: name(1) }
    const notApplicable = (what: string) =>
      new NotApplicableError(
        'http',
        what,
        `the Docker daemon at ${url} cannot be told to ${what}: only Parlance's emulated daemon can`,
      )
    await expect(real.restartDaemon(1_000)).rejects.toThrow(notApplicable('restart the Docker daemon'))
    await expect(real.dropEvents(1_000)).rejects.toThrow(notApplicable('drop the Docker event streams'))
    await expect(real.setHealth(replica, 'starting')).rejects.toThrow(
      notApplicable(`set the health of ${name(1)} back to starting`),
    )
    expect(execs).toEqual([])
  })

  test("a real daemon's health check is made to pass or fail with docker exec", async () => {
    const real = new SwarmDriver(other)
    const replica = { id: 'abc', name: name(1) }
    await real.healthCheckPasses(replica)
    await real.setHealth(replica, 'unhealthy')
    await real.setHealth(replica, 'healthy')
    expect(execs).toEqual([
      'touch /tmp/parlance-health-passes',
      'rm -f /tmp/parlance-health-passes',
      'touch /tmp/parlance-health-passes',
    ])
    exitCode = 1
    await expect(real.setHealth(replica, 'unhealthy')).rejects.toThrow(
      new SystemCompromisedError(
        `could not make the health check of replica ${name(1)} fail: ` +
          '`rm -f /tmp/parlance-health-passes` in its container exited with 1',
      ),
    )
  })
})

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
