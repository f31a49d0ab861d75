import { createServer as createHttpServer } from 'node:http'
import { createServer, type AddressInfo, type Server } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { probeHttp } from './http-probe.ts'

const servers: Server[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve))
})

async function listen(server: Server): Promise<number> {
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

const probe = (port: number) => probeHttp({ host: '127.0.0.1', port }, new AbortController().signal)

describe('probeHttp', () => {
  it('is false for a proxy that accepts and resets, as docker-proxy does before the app listens', async () => {
    const port = await listen(createServer((socket) => socket.resetAndDestroy()))
    expect(await probe(port)).toBe(false)
  })

  it('is false when nothing listens, true on any HTTP answer, whatever its status', async () => {
    const closed = await listen(createServer())
    await new Promise((resolve) => servers.pop()?.close(resolve))
    expect(await probe(closed)).toBe(false)
    const port = await listen(createHttpServer((_request, response) => response.writeHead(500).end()))
    expect(await probe(port)).toBe(true)
  })
})
