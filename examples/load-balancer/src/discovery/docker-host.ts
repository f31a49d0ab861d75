// The docker CLI's address forms: unix:///path/to/socket and tcp://host:port.
// We speak plain HTTP, so tcp:// means an unencrypted daemon (port 2375).

/** Where the Docker daemon listens, as node:http request options. */
export type DockerHost =
  | { kind: 'unix'; socketPath: string; url: string }
  | { kind: 'tcp'; host: string; port: number; url: string }

/** The default when neither `--docker-host` nor `DOCKER_HOST` is set. */
export const DEFAULT_DOCKER_HOST = 'unix:///var/run/docker.sock'

const ACCEPTED = 'accepted forms: unix:///path/to/docker.sock or tcp://HOST:PORT (e.g. tcp://127.0.0.1:2375)'

/**
 * Parses a Docker host URL; `source` names where it came from in errors.
 *
 * @example
 *   parseDockerHost('unix:///var/run/docker.sock') // { kind: 'unix', socketPath: '/var/run/docker.sock', … }
 *   parseDockerHost('tcp://127.0.0.1:2375')        // { kind: 'tcp', host: '127.0.0.1', port: 2375, … }
 */
export function parseDockerHost(value: string, source = '--docker-host'): DockerHost {
  const fail = (what: string): never => {
    throw new Error(`${source} ${JSON.stringify(value)}: ${what}; ${ACCEPTED}`)
  }
  if (value.startsWith('unix://')) {
    const socketPath = value.slice('unix://'.length)
    if (!socketPath.startsWith('/')) fail('the unix socket path must be absolute')
    return { kind: 'unix', socketPath, url: value }
  }
  if (value.startsWith('tcp://')) {
    const rest = value.slice('tcp://'.length).replace(/\/$/, '')
    const match = /^(\[[0-9a-fA-F:.]+\]|[^:/[\]]+):(\d+)$/.exec(rest)
    if (!match) fail('a tcp address needs a host and a port')
    const [, rawHost = '', rawPort = ''] = match as RegExpExecArray
    const port = Number(rawPort)
    if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`port ${rawPort} is not in 1-65535`)
    const host = rawHost.startsWith('[') ? rawHost.slice(1, -1) : rawHost
    return { kind: 'tcp', host, port, url: value }
  }
  return fail('unsupported scheme')
}

/**
 * Picks the daemon address the way the docker CLI does: the flag, else
 * `DOCKER_HOST`, else the default socket.
 *
 * @example
 *   resolveDockerHost({ flag: undefined, env: { DOCKER_HOST: 'tcp://127.0.0.1:2375' } }).kind // 'tcp'
 */
export function resolveDockerHost(options: {
  flag?: string | undefined
  env?: Record<string, string | undefined>
}): DockerHost {
  if (options.flag !== undefined) return parseDockerHost(options.flag, '--docker-host')
  const fromEnv = options.env?.['DOCKER_HOST']
  if (fromEnv !== undefined && fromEnv !== '') return parseDockerHost(fromEnv, 'DOCKER_HOST')
  return parseDockerHost(DEFAULT_DOCKER_HOST)
}

/** The node:http options that reach this daemon; merge in `path` and `method`. */
export function requestOptionsFor(dockerHost: DockerHost): { socketPath: string } | { host: string; port: number } {
  return dockerHost.kind === 'unix'
    ? { socketPath: dockerHost.socketPath }
    : { host: dockerHost.host, port: dockerHost.port }
}
