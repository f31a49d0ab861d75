// Graceful shutdown of the proxy's server. server.close() alone stops
// accepting but leaves a kept-alive connection open after its response: the
// client may send more on it, and close() waits for the keep-alive timeout
// (5 s by default). So once draining, every response not yet started says
// `Connection: close`, and each connection is closed as soon as it is idle.
import type { Server, ServerResponse } from 'node:http'

/** How a drain ended: every connection closed, or the deadline closed them. */
export type DrainOutcome = 'drained' | 'timed-out'

/** A server's requests in flight, and the way to stop it after they finish. */
export interface ServerDrain {
  /**
   * Stops accepting, lets requests in flight finish, and resolves once every connection is closed or `deadlineMs`
   * passed.
   */
  drain(deadlineMs: number): Promise<DrainOutcome>
}

/**
 * Tracks `server`'s responses; call before any other `request` listener is added, so draining can still set headers.
 *
 * @example
 *   import { createServer } from 'node:http'
 *   declare const proxy: import('./proxy-handler.ts').ProxyHandler
 *   const server = createServer(); const drainer = trackForDrain(server); server.on('request', proxy)
 *   if ((await drainer.drain(10_000)) === 'timed-out') console.error('requests cut off')
 */
export function trackForDrain(server: Server): ServerDrain {
  const open = new Set<ServerResponse>()
  let draining = false
  // setImmediate: when a response closes, its socket becomes idle only after node:http is done with it.
  const closeIdleSoon = (): void => void setImmediate(() => server.closeIdleConnections())
  // One listener for every response rather than a closure per request.
  function onResponseClose(this: ServerResponse): void {
    open.delete(this)
    if (draining) closeIdleSoon()
  }
  server.prependListener('request', (_req, res: ServerResponse) => {
    if (draining) res.setHeader('connection', 'close')
    open.add(res)
    res.on('close', onResponseClose)
  })
  return {
    drain(deadlineMs) {
      draining = true
      for (const res of open) if (!res.headersSent) res.setHeader('connection', 'close')
      const drained = new Promise<DrainOutcome>((resolve) => server.close(() => resolve('drained')))
      server.closeIdleConnections()
      let timer: NodeJS.Timeout | undefined
      const deadline = new Promise<DrainOutcome>((resolve) => {
        timer = setTimeout(resolve, deadlineMs, 'timed-out')
      })
      return Promise.race([drained, deadline]).then((outcome) => {
        clearTimeout(timer)
        if (outcome === 'timed-out') server.closeAllConnections()
        return outcome
      })
    },
  }
}
