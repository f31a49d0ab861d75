// Parlance's Docker Engine API emulator as its own program, driven over HTTP the way a
// real daemon is, so several test workers can share one. See main-options.ts for usage.
import { ConfigurationError } from '../../core/errors/configuration-error.ts'
import { createDockerDaemon } from './docker-daemon.ts'
import type { DockerDaemon } from './docker-daemon.ts'
import { parseMainOptions, USAGE } from './main-options.ts'

let options
try {
  options = parseMainOptions(process.argv.slice(2))
} catch (error) {
  if (!(error instanceof ConfigurationError)) throw error
  process.stderr.write(`docker daemon emulator: ${error.message}\nRun with --help for usage.\n`)
  process.exit(2)
}
if (options.help) {
  process.stdout.write(USAGE)
  process.exit(0)
}

let daemon: DockerDaemon | undefined
let stopping = false
const stop = (): void => {
  if (stopping) return
  stopping = true
  // Backends run in their own process groups: they would outlive us unless killed here.
  void (daemon?.close() ?? Promise.resolve()).finally(() => process.exit(0))
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)

daemon = await createDockerDaemon({
  socketPath: options.socketPath,
  tcp: options.tcpPort !== undefined,
  tcpPort: options.tcpPort,
  ...(options.apiVersion === undefined ? {} : { apiVersion: options.apiVersion }),
  ...(options.listenDelayMs === undefined ? {} : { listenDelayMs: options.listenDelayMs }),
})
if (stopping) await daemon.close().finally(() => process.exit(0))
if (daemon.url !== undefined) process.stdout.write(`docker daemon emulator listening on ${daemon.url}\n`)
if (daemon.socketPath !== undefined)
  process.stdout.write(`docker daemon emulator listening on unix://${daemon.socketPath}\n`)
