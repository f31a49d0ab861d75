import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { ZERO_TIME } from './container-inspect-json.ts'
import type { DockerDaemon } from './docker-daemon.ts'
import { createDockerDaemon } from './docker-daemon.ts'
import type { DaemonTarget } from './test-client.ts'
import { openEventStream, requestDaemon } from './test-client.ts'

const T0 = 1_700_000_000_000
let daemon: DockerDaemon | undefined
afterEach(async () => {
  await daemon?.close()
  daemon = undefined
})

async function start(): Promise<DaemonTarget> {
  daemon = await createDockerDaemon({ tcp: true, now: () => T0 })
  return { port: Number(daemon.url?.split(':').pop()) }
}

const healthcheck = { Test: ['CMD', 'wget', '-q', '-O-', 'http://127.0.0.1:8080/health'], Interval: 1_000_000_000 }
const webBody = {
  Image: 'nginx:latest',
  Labels: { 'lb.host': 'shop.test' },
  Env: ['GREETING=hi', 'PORT=8080'],
  ExposedPorts: { '8080/tcp': {} },
  Healthcheck: healthcheck,
  HostConfig: { PortBindings: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] } },
}
const call = async (target: DaemonTarget, method: string, path: string, body?: unknown): Promise<[number, unknown]> => {
  const answer = await requestDaemon(target, method, path, body)
  return [answer.status, answer.body === '' ? '' : JSON.parse(answer.body)]
}
const message = (text: string): { message: string } => ({ message: text })

describe('the container lifecycle over the Engine API', () => {
  it('creates a container (201), inspects it created, starts it (204) and inspects it running', async () => {
    const target = await start()
    const [status, created] = await call(target, 'POST', '/v1.43/containers/create?name=web-1', webBody)
    expect([status, created]).toEqual([201, { Id: expect.stringMatching(/^[0-9a-f]{64}$/), Warnings: [] }])
    const id = (created as { Id: string }).Id
    const state = {
      Status: 'created',
      Running: false,
      Paused: false,
      Restarting: false,
      OOMKilled: false,
      Dead: false,
      Pid: 0,
      ExitCode: 0,
      Error: '',
      StartedAt: ZERO_TIME,
      FinishedAt: ZERO_TIME,
    }
    const inspected = {
      Id: id,
      Name: '/web-1',
      Created: '2023-11-14T22:13:20Z',
      Image: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      State: state,
      Config: {
        Image: 'nginx:latest',
        Labels: { 'lb.host': 'shop.test' },
        Env: ['GREETING=hi', 'PORT=8080'],
        ExposedPorts: { '8080/tcp': {} },
        Healthcheck: healthcheck,
      },
      HostConfig: { NetworkMode: 'bridge', PortBindings: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] } },
      NetworkSettings: { Ports: {}, IPAddress: '' },
    }
    expect(await call(target, 'GET', `/v1.43/containers/${id}/json`)).toEqual([200, inspected])
    expect(await call(target, 'POST', `/v1.43/containers/${id.slice(0, 6)}/start`)).toEqual([204, ''])
    const { hostPort, pid } = daemon?.container(id) ?? {}
    expect(await call(target, 'GET', '/v1.43/containers/web-1/json')).toEqual([
      200,
      {
        ...inspected,
        State: {
          ...state,
          Status: 'running',
          Running: true,
          Pid: pid,
          StartedAt: '2023-11-14T22:13:20Z',
          Health: { Status: 'starting', FailingStreak: 0, Log: [] },
        },
        NetworkSettings: {
          Ports: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: String(hostPort) }] },
          IPAddress: '172.17.0.2',
        },
      },
    ])
    expect(await (await fetch(`http://127.0.0.1:${hostPort}/x`)).json()).toEqual({
      container: 'web-1',
      requests: 1,
      path: '/x',
    })
    const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')
    // PORT is the app's own port; hostPort is its published port's proxy, as docker-proxy's.
    expect(environ).toEqual(expect.arrayContaining(['GREETING=hi', 'CONTAINER_NAME=web-1']))
    expect(environ.filter((entry) => entry.startsWith('PORT='))).not.toEqual([`PORT=${hostPort}`])
  })

  it('without Healthcheck or PortBindings: no Health, exposed but not published', async () => {
    const target = await start()
    await call(target, 'POST', '/containers/create?name=api-1', { Image: 'api', Healthcheck: { Test: ['NONE'] } })
    await call(target, 'POST', '/containers/api-1/start')
    const [, inspected] = (await call(target, 'GET', '/containers/api-1/json')) as [
      number,
      { State: Record<string, unknown>; NetworkSettings: unknown },
    ]
    expect(inspected.State.Health).toBeUndefined()
    expect(inspected.NetworkSettings).toEqual({
      Ports: { '8080/tcp': null },
      IPAddress: daemon?.container('api-1').loopbackIp,
    })
  })

  it('answers create errors with Docker status codes and messages', async () => {
    const target = await start()
    const [, created] = (await call(target, 'POST', '/containers/create?name=web-1', { Image: 'nginx' })) as [
      number,
      { Id: string },
    ]
    expect(await call(target, 'POST', '/containers/create?name=web-1', { Image: 'nginx' })).toEqual([
      409,
      message(
        `Conflict. The container name "/web-1" is already in use by container "${created.Id}". You have to ` +
          `remove (or rename) that container to be able to reuse that name.`,
      ),
    ])
    expect(await call(target, 'POST', '/containers/create?name=web%202', { Image: 'nginx' })).toEqual([
      400,
      message('Invalid container name (web 2), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed'),
    ])
    expect(await call(target, 'POST', '/containers/create?name=w1', { Image: 'nginx', Labels: { tier: 1 } })).toEqual([
      400,
      message('json: cannot unmarshal number into Go struct field ContainerConfigWrapper.Labels.tier of type string'),
    ])
    expect(await call(target, 'POST', '/containers/create?name=w1', { Image: 'nginx', Env: 'A=1' })).toEqual([
      400,
      message('json: cannot unmarshal string into Go struct field ContainerConfigWrapper.Env of type []string'),
    ])
    expect(await call(target, 'POST', '/containers/create?name=w1', { Labels: {} })).toEqual([
      400,
      message('invalid request: Image is required, e.g. {"Image": "parlance/backend:latest"}'),
    ])
    expect(
      await call(target, 'POST', '/containers/create?name=w1', { Image: 'nginx', ExposedPorts: { http: {} } }),
    ).toEqual([400, message('invalid port specification: "http"; send e.g. "8080/tcp"')])
    expect(await call(target, 'POST', '/containers/create?name=w1', '{"Image":')).toEqual([
      400,
      message(expect.stringMatching(/^invalid JSON: /) as unknown as string),
    ])
  })

  it('answers state errors as Docker does: 304, 404, 409 and 400', async () => {
    const target = await start()
    const [, { Id: id }] = (await call(target, 'POST', '/containers/create?name=web-1', { Image: 'nginx' })) as [
      number,
      { Id: string },
    ]
    expect(await call(target, 'POST', '/containers/web-1/stop')).toEqual([304, ''])
    expect(await call(target, 'POST', '/containers/web-1/kill')).toEqual([
      409,
      message(`Cannot kill container: web-1: Container ${id} is not running`),
    ])
    expect(await call(target, 'POST', '/containers/web-1/pause')).toEqual([
      409,
      message(`Container ${id} is not running`),
    ])
    await call(target, 'POST', '/containers/web-1/start')
    expect(await call(target, 'POST', '/containers/web-1/start')).toEqual([304, ''])
    expect(await call(target, 'POST', '/containers/web-1/unpause')).toEqual([
      409,
      message(`Container ${id} is not paused`),
    ])
    expect(await call(target, 'POST', '/containers/web-1/kill?signal=SIGFOO')).toEqual([
      400,
      message('Invalid signal: SIGFOO'),
    ])
    expect(await call(target, 'DELETE', '/containers/web-1')).toEqual([
      409,
      message(
        'cannot remove container "/web-1": container is running: stop the container before removing or force remove',
      ),
    ])
    await call(target, 'POST', '/containers/web-1/pause')
    expect(await call(target, 'POST', '/containers/web-1/pause')).toEqual([
      409,
      message(`Container ${id} is already paused`),
    ])
    expect(await call(target, 'POST', '/containers/web-1/start')).toEqual([
      409,
      message('cannot start a paused container, try unpause instead'),
    ])
    expect(await call(target, 'DELETE', '/containers/web-1')).toEqual([
      409,
      message('cannot remove container "/web-1": container is paused and must be unpaused first'),
    ])
    expect(await call(target, 'DELETE', '/containers/web-1?force=true')).toEqual([204, ''])
    for (const [method, path] of [
      ['GET', '/v1.43/containers/web-1/json'],
      ['POST', '/containers/web-1/start'],
      ['DELETE', '/containers/web-1'],
    ] as const) {
      expect(await call(target, method, path)).toEqual([404, message('No such container: web-1')])
    }
  })

  it('publishes Docker events in Docker order for start, pause, unpause, stop, kill and destroy', async () => {
    const target = await start()
    const events = await openEventStream(target, '/events')
    await call(target, 'POST', '/containers/create?name=web-1', { Image: 'nginx', Labels: { app: 'shop' } })
    for (const action of ['start', 'pause', 'unpause', 'stop?t=5', 'start', 'kill?signal=SIGKILL'])
      await call(target, 'POST', `/containers/web-1/${action}`)
    await call(target, 'DELETE', '/containers/web-1')
    const seen = (await events.waitForCount(11)).map((e) => {
      const { name, image, app, ...extra } = (e.Actor as { Attributes: Record<string, string> }).Attributes
      return [e.Action, name, image, app, extra]
    })
    expect(seen).toEqual(
      [
        ['create', {}],
        ['start', {}],
        ['pause', {}],
        ['unpause', {}],
        ['kill', { signal: '15' }],
        ['die', { exitCode: '0' }],
        ['stop', {}],
        ['start', {}],
        ['kill', { signal: '9' }],
        ['die', { exitCode: '137' }],
        ['destroy', {}],
      ].map(([action, extra]) => [action, 'web-1', 'nginx', 'shop', extra]),
    )
    events.close()
  })
})
