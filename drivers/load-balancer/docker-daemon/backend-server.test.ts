import { Agent, get, request } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import type { BackendProcess } from './backend-process.ts'
import { startBackend } from './backend-process.ts'

let backend: BackendProcess | undefined
const agents: Agent[] = []
afterEach(async () => {
  backend?.signal('SIGKILL')
  await backend?.exited
  backend = undefined
  for (const agent of agents.splice(0)) agent.destroy()
})

type Answer = { status: number; connection: string | undefined; body: unknown }
function ask(port: number, path: string, agent: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, agent }, (response) => {
      let text = ''
      response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, body: JSON.parse(text) }),
      )
    }).on('error', reject)
  })
}

/**
 * Asks as `ask` does, and `arrived` resolves once the backend is handling the request: node:http answers
 * `Expect: 100-continue` when it hands the request to the handler, so no sleep has to guess when that is.
 */
function askInFlight(port: number, path: string, agent: Agent): { arrived: Promise<void>; answer: Promise<Answer> } {
  let arrived!: Promise<void>
  const answer = new Promise<Answer>((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port, path, agent, headers: { expect: '100-continue' } }, (response) => {
      let text = ''
      response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, body: JSON.parse(text) }),
      )
    })
    arrived = new Promise((resolveArrived) => sent.once('continue', () => resolveArrived()))
    sent.on('error', reject).end()
  })
  return { arrived, answer }
}
const keepAlive = (): Agent => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  agents.push(agent)
  return agent
}

describe('the default backend (backend-server.mjs)', () => {
  it('keeps connections alive, counts requests, answers /health and delays on ?delay=MS', async () => {
    backend = await startBackend('web-1')
    const agent = keepAlive()
    expect(await ask(backend.port, '/a', agent)).toEqual({
      status: 200,
      connection: 'keep-alive',
      body: { container: 'web-1', requests: 1, path: '/a' },
    })
    expect(await ask(backend.port, '/health', agent)).toEqual({
      status: 200,
      connection: 'keep-alive',
      body: { status: 'ok', container: 'web-1' },
    })
    const startedAt = Date.now()
    expect(await ask(backend.port, '/slow?delay=200', agent)).toMatchObject({
      status: 200,
      body: { requests: 2, path: '/slow?delay=200' },
    })
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(190)
    for (const delay of ['30001', '-1', 'soon']) {
      expect(await ask(backend.port, `/?delay=${delay}`, agent)).toEqual({
        status: 400,
        connection: 'keep-alive',
        body: {
          error: `delay must be a whole number of milliseconds from 0 to 30000, got ${JSON.stringify(delay)}`,
          container: 'web-1',
        },
      })
    }
  })

  it('on SIGTERM stops accepting, finishes the request in flight, then exits 0', async () => {
    backend = await startBackend('web-1')
    const idle = keepAlive()
    await ask(backend.port, '/warm', idle)
    // A second to spare between the request's arrival and SIGTERM, however slowly the machine delivers the signal.
    const slow = askInFlight(backend.port, '/slow?delay=1000', keepAlive())
    await slow.arrived
    backend.signal('SIGTERM')
    expect(await slow.answer).toEqual({
      status: 200,
      connection: 'close',
      body: { container: 'web-1', requests: 2, path: '/slow?delay=1000' },
    })
    expect(await backend.exited).toBe(0)
    await expect(ask(backend.port, '/late', keepAlive())).rejects.toMatchObject({ code: 'ECONNREFUSED' })
  })
})
