import { ConfigurationError } from '../../core/errors/configuration-error.ts'
import { isApiVersion } from './api-version.ts'

/**
 * How `main.ts` was asked to listen.
 *
 * @example
 *   parseMainOptions(['--socket', '/tmp/docker.sock', '--tcp-port', '0'])
 *   // → { socketPath: '/tmp/docker.sock', tcpPort: 0, apiVersion: undefined, listenDelayMs: undefined, help: false }
 *   parseMainOptions(['--help']).help // true
 */
export interface MainOptions {
  socketPath: string | undefined
  tcpPort: number | undefined
  /** The newest Engine API version to answer, e.g. `1.41` as Docker 20.10; the emulator's default otherwise. */
  apiVersion: string | undefined
  /** How long after `start` a container's app listens at the earliest; the emulator's default otherwise. */
  listenDelayMs: number | undefined
  help: boolean
}

const COMMAND = 'node --import tsx drivers/load-balancer/docker-daemon/main.ts'

/** The program's usage, printed by `--help`. */
export const USAGE = `Usage: ${COMMAND} [--socket PATH] [--tcp-port PORT] [--api-version X.Y] [--listen-delay-ms MS]

Runs Parlance's Docker Engine API emulator (API 1.43) until SIGTERM or SIGINT.
  --socket PATH      listen on a unix socket (DOCKER_HOST=unix://PATH)
  --tcp-port PORT    listen on 127.0.0.1:PORT; 0 picks a free port (DOCKER_HOST=tcp://127.0.0.1:PORT)
  --api-version X.Y  answer as a daemon whose newest Engine API is X.Y (1.41: Docker 20.10); 1.43 by default
  --listen-delay-ms MS  a container's app listens MS ms after its start event at the earliest; 130 by default,
                     as a real app; its published port resets connections meanwhile
  --help             print this and exit
Give --socket, --tcp-port or both. It prints one line per address:
  docker daemon emulator listening on tcp://127.0.0.1:PORT
  docker daemon emulator listening on unix:///PATH
`

const OPTIONS = '--socket PATH, --tcp-port PORT, --api-version X.Y, --listen-delay-ms MS, --help'

/**
 * Reads the command line; a ConfigurationError names the bad option and what is allowed.
 *
 * @example
 *   parseMainOptions(['--tcp-port', '2375']).tcpPort // 2375
 *   parseMainOptions(['--tcp-port', 'x'])
 *   // → throws '--tcp-port: "x" is not a port; give a whole number from 0 to 65535'
 */
export function parseMainOptions(argv: readonly string[]): MainOptions {
  const options: MainOptions = {
    socketPath: undefined,
    tcpPort: undefined,
    apiVersion: undefined,
    listenDelayMs: undefined,
    help: false,
  }
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? ''
    const [name = '', inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined]
    const value = (): string => {
      if (inline === undefined) i += 1
      const given = inline ?? argv[i]
      if (given === undefined || given === '')
        throw new ConfigurationError(`${name}: missing value; allowed options: ${OPTIONS}`)
      return given
    }
    if (name === '--help' || name === '-h') options.help = true
    else if (name === '--socket') options.socketPath = value()
    else if (name === '--tcp-port') options.tcpPort = parsePort(value())
    else if (name === '--api-version') options.apiVersion = parseApiVersion(value())
    else if (name === '--listen-delay-ms') options.listenDelayMs = parseDelay(value())
    else throw new ConfigurationError(`unknown option ${JSON.stringify(arg)}; allowed options: ${OPTIONS}`)
  }
  if (!options.help && options.socketPath === undefined && options.tcpPort === undefined) {
    throw new ConfigurationError(`nowhere to listen: give --socket PATH, --tcp-port PORT (0 picks a free port) or both`)
  }
  return options
}

function parseApiVersion(raw: string): string {
  if (!isApiVersion(raw))
    throw new ConfigurationError(`--api-version: ${JSON.stringify(raw)} is not an API version; give e.g. 1.41 or 1.43`)
  return raw
}

function parseDelay(raw: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) > 60_000)
    throw new ConfigurationError(
      `--listen-delay-ms: ${JSON.stringify(raw)} is not a delay; give a whole number of milliseconds from 0 to 60000`,
    )
  return Number(raw)
}

function parsePort(raw: string): number {
  const port = Number(raw)
  if (!/^\d+$/.test(raw) || port > 65535)
    throw new ConfigurationError(
      `--tcp-port: ${JSON.stringify(raw)} is not a port; give a whole number from 0 to 65535`,
    )
  return port
}
