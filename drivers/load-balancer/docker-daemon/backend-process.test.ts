import { afterEach, describe, expect, it } from 'vitest'
import { isGroupAlive } from '../../core/process-group.ts'
import type { DockerDaemon } from './docker-daemon.ts'
import { createDockerDaemon } from './docker-daemon.ts'
import type { DaemonTarget } from './test-client.ts'
import { getFromDaemon, openEventStream } from './test-client.ts'
import { startBackend } from './backend-process.ts'

let daemon: DockerDaemon | undefined
afterEach(async () => {
  await daemon?.close()
  daemon = undefined
})

async function start(): Promise<{ daemon: DockerDaemon; target: DaemonTarget }> {
  daemon = await createDockerDaemon({ tcp: true })
  return { daemon, target: { port: Number(daemon.url?.split(':').pop()) } }
}

type Summary = {
  Names: string[]
  Ports: { IP?: string; PrivatePort: number; PublicPort?: number }[]
  NetworkSettings: { Networks: { bridge: { IPAddress: string } } }
}
const listed = async (target: DaemonTarget): Promise<Summary[]> =>
  JSON.parse((await getFromDaemon(target, '/containers/json')).body) as Summary[]
const call = async (url: string): Promise<unknown> => (await fetch(url)).json()

describe('containers backed by real processes', () => {
  it('a published container answers at 127.0.0.1:PublicPort, an unpublished one at IPAddress:PrivatePort', async () => {
    const { daemon, target } = await start()
    const web = await daemon.runContainer({ name: 'web-1', publish: true })
    await daemon.runContainer({ name: 'api-1' })
    const [apiJson, webJson] = await listed(target)
    expect(webJson?.Ports).toEqual([{ IP: '0.0.0.0', PrivatePort: 8080, PublicPort: web.hostPort, Type: 'tcp' }])
    expect(await call(`http://127.0.0.1:${webJson?.Ports[0]?.PublicPort}/a`)).toEqual({
      container: 'web-1',
      requests: 1,
      path: '/a',
    })
    expect(await call(`http://127.0.0.1:${webJson?.Ports[0]?.PublicPort}/b`)).toEqual({
      container: 'web-1',
      requests: 2,
      path: '/b',
    })
    expect(apiJson?.Ports).toEqual([{ PrivatePort: 8080, Type: 'tcp' }])
    expect(apiJson?.NetworkSettings.Networks.bridge.IPAddress).toMatch(/^127\.\d+\.\d+\.\d+$/)
    const apiAddress = `http://${apiJson?.NetworkSettings.Networks.bridge.IPAddress}:${apiJson?.Ports[0]?.PrivatePort}/`
    expect(await call(apiAddress)).toEqual({ container: 'api-1', requests: 1, path: '/' })
  })

  it('stop ends the backend cleanly (die exitCode 0), crash kills it (die exitCode 137, no kill event)', async () => {
    const { daemon, target } = await start()
    const events = await openEventStream(
      target,
      `/events?filters=${encodeURIComponent('{"event":["kill","die","stop"]}')}`,
    )
    const web = await daemon.runContainer({ name: 'web-1' })
    const db = await daemon.runContainer({ name: 'db' })
    const [webPid, dbPid] = [pidOf(daemon, web.id), pidOf(daemon, db.id)]
    await daemon.stop('web-1')
    await daemon.crash('db')
    const seen = (await events.waitForCount(4)).map((e) => [
      e.Action,
      (e.Actor as { Attributes: Record<string, string> }).Attributes,
    ])
    expect(seen).toEqual([
      ['kill', expect.objectContaining({ name: 'web-1', signal: '15' })],
      ['die', expect.objectContaining({ name: 'web-1', exitCode: '0' })],
      ['stop', expect.objectContaining({ name: 'web-1' })],
      ['die', expect.objectContaining({ name: 'db', exitCode: '137' })],
    ])
    expect([isGroupAlive(webPid), isGroupAlive(dbPid), daemon.container('db').state]).toEqual([false, false, 'exited'])
    await expect(fetch(`http://127.0.0.1:${web.hostPort}/`)).rejects.toThrow('fetch failed')
    events.close()
  })

  it('runs a given backend command and reports its own exit as die with its exit code', async () => {
    const { daemon, target } = await start()
    const events = await openEventStream(target, `/events?filters=${encodeURIComponent('{"event":["die"]}')}`)
    const script =
      "require('http').createServer((q, s) => { s.end('bye ' + process.env.GREETING); setTimeout(() => " +
      'process.exit(3), 10) }).listen(+process.env.PORT, process.env.LISTEN_HOST)'
    const odd = await daemon.runContainer({
      name: 'odd',
      publish: true,
      backend: { command: process.execPath, args: ['-e', script], env: { GREETING: 'there' } },
    })
    expect(await (await fetch(`http://127.0.0.1:${odd.hostPort}/`)).text()).toBe('bye there')
    const [die] = await events.waitForCount(1)
    expect(die).toMatchObject({ Action: 'die', Actor: { Attributes: { name: 'odd', exitCode: '3' } } })
    expect((await listed(target)).map((c) => c.Names[0])).toEqual([])
    events.close()
  })

  it('says which backend failed to start and what it printed', async () => {
    await expect(
      startBackend('broken', {
        command: process.execPath,
        args: ['-e', "console.error('no config'); process.exit(2)"],
      }),
    ).rejects.toThrow(
      new RegExp(
        String.raw`^startBackend: the backend of container "broken" ` +
          String.raw`\(.+ -e console\.error\('no config'\); process\.exit\(2\)\) exited with 2; ` +
          String.raw`it must listen on \$PORT\. Output: "no config\\n"$`,
      ),
    )
  })

  it('close() kills every backend, paused ones included, and leaves no process behind', async () => {
    const { daemon } = await start()
    const pids = [
      pidOf(daemon, (await daemon.runContainer({ name: 'a' })).id),
      pidOf(daemon, (await daemon.runContainer({ name: 'b' })).id),
    ]
    daemon.pause('b')
    expect(pids.map(isGroupAlive)).toEqual([true, true])
    await daemon.close()
    expect(pids.map(isGroupAlive)).toEqual([false, false])
  })
})

function pidOf(daemon: DockerDaemon, id: string): number {
  return daemon.container(id).pid ?? Number.NaN
}
