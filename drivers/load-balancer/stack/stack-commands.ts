import { fileURLToPath } from 'node:url'
import type { ProcessSpec } from '../../core/process-spec.ts'

/** The repository root, where `--import tsx` resolves. A path, not an import. */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

/**
 * The line the emulated Docker daemon prints once it listens on TCP; its capture group is its address.
 *
 * @example
 *   daemonReadyLine.exec('docker daemon emulator listening on tcp://127.0.0.1:40123')?.[1] // 'tcp://127.0.0.1:40123'
 */
export const daemonReadyLine = /docker daemon emulator listening on (tcp:\/\/\S+)/

/**
 * The load balancer's two address lines: the proxy (first capture group) and the admin port (`admin`).
 *
 * @example
 *   balancerReadyLines.log.exec('load balancer listening on http://127.0.0.1:8080')?.[1] // 'http://127.0.0.1:8080'
 */
export const balancerReadyLines = {
  log: /load balancer listening on (http:\/\/\S+)/,
  alsoLog: [/load balancer admin on (?<admin>http:\/\/\S+)/],
}

/**
 * How to run the emulated Docker daemon on a free TCP port.
 *
 * @example
 *   import { superviseProcess } from '../../core/process-supervisor.ts'
 *   const daemon = superviseProcess(daemonProcessSpec('docker-daemon (private)'))
 *   const { address } = await daemon.start() // 'tcp://127.0.0.1:40123'
 */
export function daemonProcessSpec(name: string): ProcessSpec {
  return {
    name,
    command: process.execPath,
    args: ['--import', 'tsx', 'drivers/load-balancer/docker-daemon/main.ts', '--tcp-port', '0'],
    cwd: repoRoot,
    ready: { log: daemonReadyLine },
    readyTimeoutMs: 30_000,
  }
}

/**
 * How to run the load balancer against `dockerHost`, balancing by `strategy`.
 *
 * @example
 *   import { superviseProcess } from '../../core/process-supervisor.ts'
 *   const lb = superviseProcess(
 *     balancerProcessSpec({
 *       name: 'load-balancer (private)',
 *       dockerHost: 'tcp://127.0.0.1:40123',
 *       strategy: 'least-connections',
 *     }),
 *   )
 *   const { address, groups } = await lb.start() // groups.admin is the admin URL
 */
export function balancerProcessSpec(options: {
  name: string
  dockerHost: string
  strategy: 'round-robin' | 'least-connections'
}): ProcessSpec {
  return {
    name: options.name,
    command: process.execPath,
    args: [
      '--import',
      'tsx',
      'examples/load-balancer/main.ts',
      '--port',
      '0',
      '--admin-port',
      '0',
      '--docker-host',
      options.dockerHost,
      '--strategy',
      options.strategy,
    ],
    cwd: repoRoot,
    ready: balancerReadyLines,
    readyTimeoutMs: 30_000,
  }
}
