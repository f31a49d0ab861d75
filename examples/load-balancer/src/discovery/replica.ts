// One routable container, as the proxy and the admin status see it.

/** Where the proxy connects. */
export interface BackendAddress {
  host: string
  port: number
}

/**
 * A container serving a Host.
 *
 * @example
 *   const r: Replica = { id: 'abc', name: 'web-1', address: { host: '127.0.0.1', port: 32768 },
 *     weight: 1, healthy: true, draining: false, paused: false }
 */
export interface Replica {
  id: string
  name: string
  address: BackendAddress
  weight: number
  healthy: boolean
  draining: boolean
  paused: boolean
}

/** True when the replica may take new requests. */
export function isAvailable(replica: Replica): boolean {
  return replica.healthy && !replica.draining && !replica.paused
}
