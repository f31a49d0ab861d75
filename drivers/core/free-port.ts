import { createServer } from 'node:net'

/**
 * A TCP port of 127.0.0.1 that is free now: the kernel's pick for a listener,
 * closed again at once. Another socket may take it before the caller listens,
 * so use it only for a program that takes its port from its command line.
 *
 * @example
 *   const port = await findFreePort() // e.g. 41234
 */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}
