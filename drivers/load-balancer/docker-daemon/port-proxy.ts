import { connect, createServer, type Socket } from 'node:net'

/**
 * A published port, as docker-proxy serves it: it listens from the container's start, accepts every connection, and
 * resets it when the app behind is not listening (yet, or any more).
 *
 * @example
 *   const proxy = await openPortProxy(41234)
 *   proxy.port // the container's PublicPort; await proxy.close() when the container exits
 */
export interface PortProxy {
  readonly port: number
  /** Stops listening and cuts every connection. */
  close(): Promise<void>
}

/**
 * Listens on 127.0.0.1 (a free port) and relays each connection to the app at
 * `targetHost:targetPort` (its container's own address, as docker-proxy relays to
 * the container's bridge address; default 127.0.0.1).
 *
 * @example
 *   const proxy = await openPortProxy(8080, '127.31.4.2')
 *   await fetch(`http://127.0.0.1:${proxy.port}/`) // the backend's answer, or a reset before it listens
 */
export async function openPortProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<PortProxy> {
  const sockets = new Set<Socket>()
  const track = (socket: Socket): void => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  }
  const server = createServer((client) => {
    track(client)
    const app = connect({ host: targetHost, port: targetPort })
    track(app)
    app.once('connect', () => {
      client.pipe(app)
      app.pipe(client)
    })
    // Refused before the app listens, or reset by it: the client sees a reset, before any byte or mid-answer.
    app.once('error', () => client.resetAndDestroy())
    client.once('error', () => app.destroy())
    client.once('close', () => app.destroy())
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  return {
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      }),
  }
}
