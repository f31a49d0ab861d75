import { afterEach, describe, expect, it } from 'vitest'
import { isGroupAlive } from '../../core/process-group.ts'
import type { DockerDaemon } from './docker-daemon.ts'
import { createDockerDaemon } from './docker-daemon.ts'
import type { DaemonTarget } from './test-client.ts'
import { getFromDaemon, openEventStream, requestDaemon } from './test-client.ts'

let daemon: DockerDaemon | undefined
afterEach(async () => {
  await daemon?.close()
  daemon = undefined
})

async function startWeb(): Promise<DaemonTarget> {
  daemon = await createDockerDaemon({ tcp: true, restartDownMs: 300 })
  const target = { port: Number(daemon.url?.split(':').pop()) }
  await requestDaemon(target, 'POST', '/containers/create?name=web-1', {
    Image: 'nginx',
    Healthcheck: { Test: ['CMD', 'true'] },
  })
  return target
}
const call = async (target: DaemonTarget, method: string, path: string, body?: unknown): Promise<[number, unknown]> => {
  const answer = await requestDaemon(target, method, path, body)
  return [answer.status, answer.body === '' ? '' : JSON.parse(answer.body)]
}
const actions = (objects: Record<string, unknown>[]): unknown[] =>
  objects.map((e) => [e.Action, (e.Actor as { Attributes: Record<string, string> }).Attributes.exitCode])

describe('the emulator-only endpoints', () => {
  it('POST /_emulator/containers/{id}/health sets the health (204) and publishes health_status', async () => {
    const target = await startWeb()
    const id = daemon?.container('web-1').id ?? ''
    expect(await call(target, 'POST', '/_emulator/containers/web-1/health', { Status: 'healthy' })).toEqual([
      409,
      { message: `Container ${id} is not running` },
    ])
    const events = await openEventStream(
      target,
      '/events?filters=%7B%22event%22%3A%5B%22start%22%2C%22health_status%22%5D%7D',
    )
    await call(target, 'POST', '/containers/web-1/start')
    expect(await call(target, 'POST', '/_emulator/containers/web-1/health', { Status: 'healthy' })).toEqual([204, ''])
    expect(await call(target, 'POST', '/_emulator/containers/web-1/health', { Status: 'unhealthy' })).toEqual([204, ''])
    expect((await events.waitForCount(3)).map((e) => e.Action)).toEqual([
      'start',
      'health_status: healthy',
      'health_status: unhealthy',
    ])
    const [, inspected] = (await call(target, 'GET', '/containers/web-1/json')) as [
      number,
      { State: { Health: unknown } },
    ]
    expect(inspected.State.Health).toEqual({ Status: 'unhealthy', FailingStreak: 3, Log: [] })
    expect(await call(target, 'POST', '/_emulator/containers/web-1/health', { Status: 'fine' })).toEqual([
      400,
      { message: 'invalid Status "fine": send {"Status": "healthy"}, "unhealthy" or "starting"' },
    ])
    expect(await call(target, 'POST', '/_emulator/containers/web-9/health', { Status: 'healthy' })).toEqual([
      404,
      { message: 'No such container: web-9' },
    ])
    events.close()
  })

  it('POST /_emulator/containers/{id}/crash SIGKILLs the backend behind the daemon: only die, exit 137', async () => {
    const target = await startWeb()
    await call(target, 'POST', '/containers/web-1/start')
    const pid = daemon?.container('web-1').pid ?? Number.NaN
    const events = await openEventStream(target, '/events')
    expect(await call(target, 'POST', '/_emulator/containers/web-1/crash')).toEqual([204, ''])
    expect(actions(await events.waitForCount(1))).toEqual([['die', '137']])
    const [, inspected] = (await call(target, 'GET', '/containers/web-1/json')) as [
      number,
      { State: Record<string, unknown> },
    ]
    expect(inspected.State).toMatchObject({ Status: 'exited', Running: false, Pid: 0, ExitCode: 137 })
    expect(isGroupAlive(pid)).toBe(false)
    events.close()
  })

  it('POST /_emulator/restart answers 202, then drops every connection and refuses new ones for downMs', async () => {
    const target = await startWeb()
    const events = await openEventStream(target, '/events')
    expect(await call(target, 'POST', '/_emulator/restart?downMs=400')).toEqual([202, ''])
    await events.ended
    await expect(getFromDaemon(target, '/_ping')).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    const deadline = Date.now() + 3000
    while (
      Date.now() < deadline &&
      !(await getFromDaemon(target, '/_ping').then(
        () => true,
        () => false,
      ))
    )
      await new Promise((wake) => setTimeout(wake, 25))
    expect((await getFromDaemon(target, '/_ping')).body).toBe('OK')
    expect(await call(target, 'POST', '/_emulator/restart?downMs=soon')).toEqual([
      400,
      { message: 'invalid value for downMs: "soon"; send a whole number from 0 to 60000' },
    ])
  })

  it('POST /_emulator/events/drop cuts /events and refuses new streams for holdMs; the API still answers', async () => {
    const target = await startWeb()
    const events = await openEventStream(target, '/events')
    expect(await call(target, 'POST', '/_emulator/events/drop?holdMs=300')).toEqual([204, ''])
    await events.ended
    await expect(openEventStream(target, '/events')).rejects.toMatchObject({ code: 'ECONNRESET' })
    expect((await getFromDaemon(target, '/_ping')).body).toBe('OK')
    await new Promise((wake) => setTimeout(wake, 350))
    const again = await openEventStream(target, '/events')
    again.close()
  })
})
