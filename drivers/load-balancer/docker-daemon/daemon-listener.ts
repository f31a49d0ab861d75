import { rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'

/**
 * Where the daemon listens: a unix socket, TCP 127.0.0.1, or both.
 *
 * @example
 *   const listener = await listenDaemon((request, response) => response.end(), {
 *     socketPath: '/tmp/docker.sock',
 *     tcpPort: 0,
 *   })
 *   listener.tcpPort // the port chosen
 */
export interface ListenAddresses {
  socketPath?: string
  /** 0 picks a free port; undefined means no TCP. */
  tcpPort?: number
}

/**
 * The daemon's open servers, able to go down and come back on the same addresses.
 *
 * @example
 *   declare const listener: DaemonListener
 *   await listener.stop() // drops every connection, /events streams included
 *   await listener.start() // listens again on the same socket path and port
 */
export interface DaemonListener {
  readonly socketPath: string | undefined
  readonly tcpPort: number | undefined
  start(): Promise<void>
  stop(): Promise<void>
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void

/**
 * Starts the daemon's HTTP servers.
 *
 * @example
 *   import { routeRequest, type DaemonState } from './daemon-routes.ts'
 *   declare const state: DaemonState
 *   const listener = await listenDaemon((request, response) => routeRequest(state, request, response), { tcpPort: 0 })
 *   await listener.stop()
 */
export async function listenDaemon(handler: Handler, addresses: ListenAddresses): Promise<DaemonListener> {
  let servers: Server[] = []
  const sockets = new Set<Socket>()
  let tcpPort = addresses.tcpPort
  const socketPath = addresses.socketPath
  const open = (listenOn: (server: Server) => void): Promise<Server> =>
    new Promise((resolve, reject) => {
      const server = createServer(handler)
      server.on('connection', (socket) => {
        sockets.add(socket)
        socket.on('close', () => sockets.delete(socket))
      })
      server.once('error', reject)
      server.once('listening', () => resolve(server))
      listenOn(server)
    })
  const listener: DaemonListener = {
    socketPath,
    get tcpPort() {
      return tcpPort
    },
    async start() {
      if (socketPath !== undefined) {
        rmSync(socketPath, { force: true })
        servers.push(await open((server) => server.listen(socketPath)))
      }
      if (tcpPort !== undefined) {
        const server = await open((server) => server.listen(tcpPort, '127.0.0.1'))
        const address = server.address()
        tcpPort = typeof address === 'object' && address !== null ? address.port : tcpPort
        servers.push(server)
      }
    },
    async stop() {
      const closing = servers.map((server) => new Promise((resolve) => server.close(resolve)))
      servers = []
      for (const socket of sockets) socket.destroy()
      await Promise.all(closing)
      if (socketPath !== undefined) rmSync(socketPath, { force: true })
    },
  }
  await listener.start()
  return listener
}
