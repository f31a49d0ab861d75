import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { DockerDaemon } from './docker-daemon.ts'
import { createDockerDaemon } from './docker-daemon.ts'
import { openEventStream } from './test-client.ts'

let daemon: DockerDaemon | undefined
afterEach(async () => {
  await daemon?.close()
  daemon = undefined
})

// What a client sees on connecting to the port and sending a request: an answer, or how the connection ended.
function tryPort(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.once('connect', () => socket.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'))
    socket.once('data', (chunk: Buffer) => resolve(chunk.toString().split('\r\n')[0] ?? ''))
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
    socket.once('end', () => resolve('closed'))
  })
}

describe('the emulator starts containers as a real daemon does', () => {
  it('sends start before the app listens; its published port accepts and resets until then', async () => {
    daemon = await createDockerDaemon({ tcp: true, listenDelayMs: 2_000 })
    const events = await openEventStream({ port: Number(daemon.url?.split(':').pop()) }, '/events')
    const run = daemon.runContainer({ name: 'web-1', publish: true })
    const [created, started] = await events.waitForCount(2)
    expect([created?.Action, started?.Action]).toEqual(['create', 'start'])
    const { hostPort } = daemon.container('web-1')
    expect(await tryPort(hostPort)).toBe('ECONNRESET')
    await run
    expect(await tryPort(hostPort)).toBe('HTTP/1.1 200 OK')
    events.close()
  })

  it('says health "starting" only in the listing, never as an event', async () => {
    daemon = await createDockerDaemon({ tcp: true, listenDelayMs: 0 })
    const events = await openEventStream({ port: Number(daemon.url?.split(':').pop()) }, '/events')
    await daemon.runContainer({ name: 'web-1', health: 'healthy' })
    daemon.setHealth('web-1', 'starting')
    daemon.setHealth('web-1', 'unhealthy')
    expect((await events.waitForCount(4)).map((e) => e.Action)).toEqual([
      'create',
      'start',
      'health_status: healthy',
      'health_status: unhealthy',
    ])
    events.close()
  })
})
