// Containers discovery saw but will not route to, with the reason an operator
// needs to fix them. The admin status JSON lists these.

/**
 * A container left out of routing.
 *
 * @example
 *   const ignored: IgnoredContainer = { id: 'abc', name: 'web-1', reason: 'no "lb.host" label' }
 */
export interface IgnoredContainer {
  id: string
  name: string
  reason: string
}

/** The reasons a container is ignored; tests assert these exact lines. */
export const ignoreReasons = {
  noHostLabel: () => 'no "lb.host" label; add lb.host=NAME to route requests for Host NAME to it',
  emptyHostLabel: () => 'label lb.host is empty; set it to the Host name the container serves',
  badWeight: (value: string) =>
    `label lb.weight=${JSON.stringify(value)} is not a positive integer; use e.g. lb.weight=1`,
  badPort: (value: string) => `label lb.port=${JSON.stringify(value)} is not a port number (1-65535)`,
  noPort: () => 'no exposed port and no lb.port label; EXPOSE a port or add lb.port=PORT',
  hostNetworkNoPort: () =>
    'host-networked (NetworkMode "host"): its app listens on a port of the Docker host, which Docker does not ' +
    'list; add lb.port=PORT naming that port',
  noAddress: (port: number) =>
    `container port ${port} is not published and the container has no network IP address; publish it or attach ` +
    `a network`,
}
