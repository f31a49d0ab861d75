import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BRIDGE_NETWORK_ID } from './container-json.ts'
import type { DockerDaemon, DockerDaemonOptions } from './docker-daemon.ts'
import { createDockerDaemon } from './docker-daemon.ts'
import type { DaemonTarget } from './test-client.ts'
import { getFromDaemon, openEventStream } from './test-client.ts'

const T0 = 1_700_000_000_000
let clock = T0
let tmp: string
let daemon: DockerDaemon | undefined

beforeEach(() => {
  clock = T0
  tmp = mkdtempSync(join(tmpdir(), 'parlance-docker-'))
})
afterEach(async () => {
  await daemon?.close()
  daemon = undefined
  rmSync(tmp, { recursive: true, force: true })
})

async function start(options: DockerDaemonOptions = {}): Promise<{ daemon: DockerDaemon; target: DaemonTarget }> {
  daemon = await createDockerDaemon({ now: () => clock, ...options })
  const port = Number(daemon.url?.split(':').pop())
  return { daemon, target: { port } }
}

const json = async (target: DaemonTarget, path: string): Promise<unknown> =>
  JSON.parse((await getFromDaemon(target, path)).body)
const filters = (value: unknown): string => encodeURIComponent(JSON.stringify(value))

describe('the Docker daemon emulator over HTTP', () => {
  it('answers /_ping and /version on the unix socket and on TCP alike', async () => {
    const socketPath = join(tmp, 'docker.sock')
    const { daemon, target } = await start({ socketPath, tcp: true })
    expect(daemon.url).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/)
    for (const via of [{ socketPath }, target]) {
      const ping = await getFromDaemon(via, '/_ping')
      expect([
        ping.status,
        ping.body,
        ping.headers['api-version'],
        ping.headers['docker-experimental'],
        ping.headers.ostype,
      ]).toEqual([200, 'OK', '1.43', 'false', 'linux'])
      expect(ping.headers['content-type']).toBe('text/plain; charset=utf-8')
      const version = (await json(via, '/v1.43/version')) as Record<string, unknown>
      expect(version).toMatchObject({
        Version: '24.0.7',
        ApiVersion: '1.43',
        MinAPIVersion: '1.12',
        Os: 'linux',
        Arch: 'amd64',
      })
    }
    expect((await getFromDaemon(target, '/v1.43/nope')).body).toBe('{"message":"page not found"}\n')
  })

  it('lists running containers in Docker exact shape, published and not', async () => {
    const { daemon, target } = await start()
    const web = await daemon.runContainer({
      name: 'web-1',
      labels: { 'lb.enable': 'true' },
      publish: true,
      health: 'healthy',
      backend: null,
    })
    clock += 3_000
    const api = await daemon.runContainer({ name: 'api-1', exposedPort: 9000, backend: null })
    clock += 1_500
    const listed = await json(target, '/v1.43/containers/json')
    expect(listed).toEqual([
      {
        Id: api.id,
        Names: ['/api-1'],
        Image: 'parlance/backend:latest',
        ImageID: api.imageId,
        Command: 'node backend-server.mjs',
        Created: 1_700_000_003,
        Ports: [{ PrivatePort: 9000, Type: 'tcp' }],
        Labels: {},
        State: 'running',
        Status: 'Up 1 second',
        HostConfig: { NetworkMode: 'bridge' },
        NetworkSettings: { Networks: { bridge: endpoint(api.loopbackIp, '02:42:ac:11:00:03') } },
        Mounts: [],
      },
      {
        Id: web.id,
        Names: ['/web-1'],
        Image: 'parlance/backend:latest',
        ImageID: web.imageId,
        Command: 'node backend-server.mjs',
        Created: 1_700_000_000,
        Ports: [{ IP: '0.0.0.0', PrivatePort: 8080, PublicPort: 8080, Type: 'tcp' }],
        Labels: { 'lb.enable': 'true' },
        State: 'running',
        Status: 'Up 4 seconds (healthy)',
        HostConfig: { NetworkMode: 'bridge' },
        NetworkSettings: { Networks: { bridge: endpoint('172.17.0.2', '02:42:ac:11:00:02') } },
        Mounts: [],
      },
    ])
    expect(web.id).toMatch(/^[0-9a-f]{64}$/)
  })

  it('shows stopped containers only with all=true, and filters by label and status', async () => {
    const { daemon, target } = await start()
    await daemon.runContainer({ name: 'web-1', labels: { 'lb.enable': 'true', tier: 'web' }, backend: null })
    await daemon.runContainer({ name: 'web-2', labels: { 'lb.enable': 'true' }, backend: null })
    await daemon.runContainer({ name: 'db', backend: null })
    await daemon.stop('web-2')
    clock += 5_000
    const names = async (path: string): Promise<string[]> =>
      ((await json(target, path)) as { Names: string[] }[]).map((c) => c.Names[0] ?? '')
    expect(await names('/containers/json')).toEqual(['/db', '/web-1'])
    expect(await names('/containers/json?all=1')).toEqual(['/db', '/web-2', '/web-1'])
    expect(await names(`/containers/json?all=true&filters=${filters({ label: ['lb.enable=true'] })}`)).toEqual([
      '/web-2',
      '/web-1',
    ])
    expect(await names(`/containers/json?filters=${filters({ label: ['lb.enable', 'tier=web'] })}`)).toEqual(['/web-1'])
    expect(await names(`/containers/json?all=true&filters=${filters({ status: { exited: true } })}`)).toEqual([
      '/web-2',
    ])
    const exited = (await json(
      target,
      `/containers/json?all=true&filters=${filters({ status: ['exited'] })}`,
    )) as Record<string, unknown>[]
    expect(exited[0]).toMatchObject({
      State: 'exited',
      Status: 'Exited (0) 5 seconds ago',
      Ports: [{ PrivatePort: 8080, Type: 'tcp' }],
    })
    const bad = await getFromDaemon(target, '/containers/json?filters=%7B')
    expect([bad.status, bad.body]).toEqual([
      400,
      '{"message":"invalid filter: \\"{\\" is not JSON; send {\\"label\\":[\\"key=value\\"]}"}\n',
    ])
  })

  it('streams container events in Docker exact shape, legacy fields included', async () => {
    const { daemon, target } = await start()
    const events = await openEventStream(target, '/v1.43/events')
    const web = await daemon.runContainer({ name: 'web-1', labels: { 'lb.enable': 'true' }, backend: null })
    daemon.setHealth('web-1', 'healthy')
    await daemon.stop('web-1')
    const attributes = { 'lb.enable': 'true', image: 'parlance/backend:latest', name: 'web-1' }
    const event = (action: string, extra: Record<string, string> = {}): Record<string, unknown> => ({
      status: action,
      id: web.id,
      from: 'parlance/backend:latest',
      Type: 'container',
      Action: action,
      Actor: { ID: web.id, Attributes: { ...attributes, ...extra } },
      scope: 'local',
      time: 1_700_000_000,
      timeNano: 1_700_000_000_000_000_000,
    })
    await events.waitForCount(6)
    expect(events.chunks.join('')).toBe(
      [
        event('create'),
        event('start'),
        event('health_status: healthy'),
        event('kill', { signal: '15' }),
        event('die', { exitCode: '0' }),
        event('stop'),
      ]
        .map((line) => `${JSON.stringify(line)}\n`)
        .join(''),
    )
    events.close()
  })

  it('reports kill, die and destroy with signal and exit code', async () => {
    const { daemon, target } = await start()
    const events = await openEventStream(target, '/events')
    await daemon.runContainer({ name: 'web-1', backend: null })
    await daemon.kill('web-1', 'SIGTERM')
    await daemon.runContainer({ name: 'web-2', backend: null })
    daemon.pause('web-2')
    daemon.unpause('web-2')
    await daemon.destroy('web-2')
    const seen = (await events.waitForCount(10)).slice(0, 10)
    expect(
      seen.map((e) => [e.Action, (e.Actor as { Attributes: Record<string, string> }).Attributes.name, e.status]),
    ).toEqual([
      ['create', 'web-1', 'create'],
      ['start', 'web-1', 'start'],
      ['kill', 'web-1', 'kill'],
      ['die', 'web-1', 'die'],
      ['create', 'web-2', 'create'],
      ['start', 'web-2', 'start'],
      ['pause', 'web-2', 'pause'],
      ['unpause', 'web-2', 'unpause'],
      ['kill', 'web-2', 'kill'],
      ['die', 'web-2', 'die'],
    ])
    expect(
      seen
        .map((e) => (e.Actor as { Attributes: Record<string, string> }).Attributes)
        .filter((a) => a.signal ?? a.exitCode),
    ).toEqual([
      expect.objectContaining({ signal: '15' }),
      expect.objectContaining({ exitCode: '143' }),
      expect.objectContaining({ signal: '9' }),
      expect.objectContaining({ exitCode: '137' }),
    ])
    await events.waitForCount(11)
    expect(events.objects[10]?.Action).toBe('destroy')
    events.close()
  })

  it('filters events by type, event (health_status prefix included), label and container', async () => {
    const { daemon, target } = await start()
    const health = await openEventStream(
      target,
      `/events?filters=${filters({ type: ['container'], event: ['health_status'], label: ['lb.enable=true'] })}`,
    )
    const dies = await openEventStream(
      target,
      `/events?filters=${filters({ event: { die: true }, container: ['db'] })}`,
    )
    const networks = await openEventStream(target, `/events?filters=${filters({ type: ['network'] })}`)
    await daemon.runContainer({ name: 'web-1', labels: { 'lb.enable': 'true' }, health: 'starting', backend: null })
    await daemon.runContainer({ name: 'db', health: 'starting', backend: null })
    daemon.setHealth('db', 'healthy')
    daemon.setHealth('web-1', 'unhealthy')
    await daemon.kill('web-1')
    await daemon.kill('db')
    expect((await health.waitForCount(1)).map((e) => e.Action)).toEqual(['health_status: unhealthy'])
    expect(
      (await dies.waitForCount(1)).map((e) => [
        e.Action,
        (e.Actor as { Attributes: Record<string, string> }).Attributes.name,
      ]),
    ).toEqual([['die', 'db']])
    expect(networks.objects).toEqual([])
    for (const stream of [health, dies, networks]) stream.close()
  })

  it('replays history from since, and ends the stream at until', async () => {
    const { daemon, target } = await start()
    await daemon.runContainer({ name: 'web-1', backend: null })
    clock += 10_000
    await daemon.stop('web-1')
    const past = await openEventStream(target, `/events?since=1700000005&until=1700000010`)
    await past.ended
    expect(past.objects.map((e) => e.Action)).toEqual(['kill', 'die', 'stop'])
    const all = await openEventStream(target, `/events?since=0`)
    expect((await all.waitForCount(5)).map((e) => e.Action)).toEqual(['create', 'start', 'kill', 'die', 'stop'])
    all.close()
  })

  it('emits the wire quirks: bare health_status, no newlines, objects split across chunks', async () => {
    const { daemon, target } = await start({
      eventQuirks: { bareHealthStatus: true, noNewlines: true, splitObjects: true },
    })
    const events = await openEventStream(target, '/events')
    await daemon.runContainer({ name: 'web-1', health: 'starting', backend: null })
    daemon.setHealth('web-1', 'healthy')
    const seen = await events.waitForCount(3)
    expect(seen[2]).toMatchObject({
      Action: 'health_status',
      status: 'health_status',
      Actor: { Attributes: { health_status: 'healthy', name: 'web-1' } },
    })
    const raw = events.chunks.join('')
    expect(raw).not.toContain('\n')
    expect(raw).toContain('}{')
    expect(events.chunks.some((chunk) => !chunk.endsWith('}'))).toBe(true)
    events.close()
  })

  it('restartDaemon drops every /events stream and refuses connections until it is back', async () => {
    const socketPath = join(tmp, 'docker.sock')
    const { daemon, target } = await start({ socketPath, tcp: true, restartDownMs: 300 })
    const overTcp = await openEventStream(target, '/events')
    const overSocket = await openEventStream({ socketPath }, '/events')
    const restarting = daemon.restartDaemon()
    await Promise.all([overTcp.ended, overSocket.ended])
    await expect(getFromDaemon(target, '/_ping')).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    await expect(getFromDaemon({ socketPath }, '/_ping')).rejects.toMatchObject({
      code: expect.stringMatching(/ENOENT|ECONNREFUSED/),
    })
    await restarting
    expect((await getFromDaemon(target, '/_ping')).body).toBe('OK')
    expect((await getFromDaemon({ socketPath }, '/_ping')).body).toBe('OK')
  })

  it('names the unknown container and the known ones', async () => {
    const { daemon } = await start()
    await daemon.runContainer({ name: 'web-1', backend: null })
    await expect(daemon.stop('web-9')).rejects.toThrow(
      'docker daemon stop: no such container "web-9"; known containers: web-1',
    )
    await expect(daemon.runContainer({ name: 'web-1', backend: null })).rejects.toThrow(
      'docker daemon runContainer: the name "web-1" is already in use; pick another or destroy() the old ' +
        'container first',
    )
  })
})

function endpoint(ip: string, mac: string): Record<string, unknown> {
  return {
    IPAMConfig: null,
    Links: null,
    Aliases: null,
    MacAddress: mac,
    NetworkID: BRIDGE_NETWORK_ID,
    EndpointID: expect.stringMatching(/^[0-9a-f]{64}$/),
    Gateway: '172.17.0.1',
    IPAddress: ip,
    IPPrefixLen: 16,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    DriverOpts: null,
    DNSNames: null,
  }
}
