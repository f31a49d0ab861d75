import { afterEach, describe, expect, it } from 'vitest'
import { SystemCompromisedError } from '../../core/errors/system-compromised-error.ts'
import type { DockerDaemon } from './docker-daemon.ts'
import { createDockerDaemon } from './docker-daemon.ts'
import { DockerEngineError } from './docker-engine-error.ts'
import { DockerEngineClient } from './engine-client.ts'
import { getFromDaemon, openEventStream } from './test-client.ts'

let daemon: DockerDaemon | undefined
afterEach(async () => {
  await daemon?.close()
  daemon = undefined
})

async function connect(): Promise<{ client: DockerEngineClient; port: number }> {
  daemon = await createDockerDaemon({ tcp: true, restartDownMs: 100 })
  return { client: new DockerEngineClient({ url: daemon.url ?? '' }), port: Number(daemon.url?.split(':').pop()) }
}

const body = {
  Image: 'parlance/backend:latest',
  Labels: { 'lb.host': 'shop.test' },
  ExposedPorts: { '8080/tcp': {} } as Record<string, Record<string, never>>,
}

describe('DockerEngineClient', () => {
  it('drives a container through its whole life and lists it by label', async () => {
    const { client, port } = await connect()
    const events = await openEventStream({ port }, '/events')
    const { Id, Warnings } = await client.create('web-1', { ...body, Healthcheck: { Test: ['CMD', 'true'] } })
    expect(Warnings).toEqual([])
    await client.start(Id)
    await client.start('web-1')
    expect((await client.inspect(Id.slice(0, 12))).State).toMatchObject({
      Status: 'running',
      Running: true,
      Health: { Status: 'starting' },
    })
    await client.setHealth(Id, 'healthy')
    expect((await client.list({ labelFilter: ['lb.host=shop.test'] })).map((c) => [c.Names, c.Status])).toEqual([
      [['/web-1'], 'Up Less than a second (healthy)'],
    ])
    expect(await client.list({ labelFilter: ['lb.host=other'] })).toEqual([])
    await client.pause(Id)
    await client.unpause(Id)
    await client.stop(Id, { timeoutSeconds: 2 })
    await client.stop(Id)
    expect((await client.list()).length).toBe(0)
    expect((await client.list({ all: true })).map((c) => c.State)).toEqual(['exited'])
    await client.start(Id)
    await client.crash(Id)
    await client.start(Id)
    await client.kill(Id, 'SIGTERM')
    await client.remove(Id, { force: true })
    expect((await events.waitForCount(14)).map((e) => e.Action)).toEqual([
      'create',
      'start',
      'health_status: healthy',
      'pause',
      'unpause',
      'kill',
      'die',
      'stop',
      'start',
      'die',
      'start',
      'kill',
      'die',
      'destroy',
    ])
    events.close()
  })

  it('throws DockerEngineError naming the method, path, status and Docker message', async () => {
    const { client } = await connect()
    const error = await client.inspect('web-9').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(DockerEngineError)
    expect(error).toBeInstanceOf(SystemCompromisedError)
    expect(error).toMatchObject({
      message: 'DockerEngineClient.inspect: GET /v1.43/containers/web-9/json answered 404: No such container: web-9',
      status: 404,
      dockerMessage: 'No such container: web-9',
      context: { request: 'GET /v1.43/containers/web-9/json' },
    })
    await client.create('web-1', body)
    await expect(client.remove('web-1')).resolves.toBeUndefined()
    await client.create('web-1', body)
    await client.start('web-1')
    await expect(client.remove('web-1')).rejects.toThrow(
      'DockerEngineClient.remove: DELETE /v1.43/containers/web-1?force=false answered 409: cannot remove ' +
        'container "/web-1": container is running: stop the container before removing or force remove',
    )
    await expect(client.setHealth('web-1', 'sick' as 'healthy')).rejects.toThrow(
      'DockerEngineClient.setHealth: POST /_emulator/containers/web-1/health answered 400: invalid Status ' +
        '"sick": send {"Status": "healthy"}, "unhealthy" or "starting"',
    )
  })

  it('restartDaemon resolves on the 202, and a refused connection names the daemon address', async () => {
    const { client } = await connect()
    await client.apiVersion()
    await client.restartDaemon({ downMs: 300 })
    await new Promise((wake) => setTimeout(wake, 50))
    await expect(client.list()).rejects.toThrow(
      new RegExp(
        `^DockerEngineClient\\.list: GET /v1\\.43/containers/json failed: connect ECONNREFUSED ` +
          `127\\.0\\.0\\.1:\\d+; is the Docker daemon at ${daemon?.url} running\\?$`,
      ),
    )
    const gone = new DockerEngineClient({ socketPath: '/nonexistent/docker.sock' })
    await expect(gone.start('x')).rejects.toThrow(
      'DockerEngineClient.start: GET /_ping failed: connect ENOENT ' +
        '/nonexistent/docker.sock; is the Docker daemon at unix:///nonexistent/docker.sock running?',
    )
  })

  it.each([
    ['1.41', '1.41'],
    ['1.43', '1.43'],
    ['1.45', '1.43'],
  ])('negotiates with a daemon answering API %s: speaks %s, and every call works', async (daemonVersion, spoken) => {
    daemon = await createDockerDaemon({ tcp: true, apiVersion: daemonVersion })
    const client = new DockerEngineClient({ url: daemon.url ?? '' })
    const { Id } = await client.create('web-1', body)
    await client.start(Id)
    expect(await client.apiVersion()).toBe(spoken)
    expect((await client.list()).map((c) => c.Names)).toEqual([['/web-1']])
    await client.remove(Id, { force: true })
  })

  it('fails every call, saying so, against a daemon older than API 1.24', async () => {
    daemon = await createDockerDaemon({ tcp: true, apiVersion: '1.23' })
    const client = new DockerEngineClient({ url: daemon.url ?? '' })
    const error = await client.list().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SystemCompromisedError)
    expect((error as Error).message).toBe(
      `DockerEngineClient.list: the Docker daemon at ${daemon.url} speaks Engine API 1.23 at most; this client ` +
        'needs 1.24 to 1.43 (Docker 1.12 or later); upgrade the daemon',
    )
  })

  it("is refused with Docker 20.10's words when it asks a 1.41 daemon for 1.43", async () => {
    daemon = await createDockerDaemon({ tcp: true, apiVersion: '1.41' })
    const port = Number(daemon.url?.split(':').pop())
    const answer = await getFromDaemon({ port }, '/v1.43/containers/json')
    expect([answer.status, answer.body]).toEqual([
      400,
      '{"message":"client version 1.43 is too new. Maximum supported API version is 1.41"}\n',
    ])
  })
})
