import { join } from 'node:path'

/**
 * Where one run's daemon keeps everything: its data, its runtime state, its
 * pid file and its socket, all inside one directory of the run's own.
 *
 * @example
 *   const paths = daemonPaths('/tmp/parlance-docker-x1')
 *   paths.socket // '/tmp/parlance-docker-x1/docker.sock'
 */
export interface DaemonPaths {
  root: string
  data: string
  exec: string
  pidfile: string
  socket: string
  log: string
}

/**
 * The daemon's paths under `root`.
 *
 * @example
 *   daemonPaths('/tmp/parlance-docker-x1').data // '/tmp/parlance-docker-x1/data'
 */
export function daemonPaths(root: string): DaemonPaths {
  return {
    root,
    data: join(root, 'data'),
    exec: join(root, 'exec'),
    pidfile: join(root, 'dockerd.pid'),
    socket: join(root, 'docker.sock'),
    log: join(root, 'dockerd.log'),
  }
}

/**
 * `dockerd`'s arguments: its own state, a unix socket and a TCP port on
 * loopback, overlay2, and published ports bound to 127.0.0.1.
 *
 * @example
 *   dockerdArgs(daemonPaths('/tmp/d'), 23750)
 *   // → ['--data-root', '/tmp/d/data', …, '-H', 'tcp://127.0.0.1:23750', …, '--ip', '127.0.0.1']
 */
export function dockerdArgs(paths: DaemonPaths, tcpPort: number): string[] {
  return [
    '--data-root',
    paths.data,
    '--exec-root',
    paths.exec,
    '--pidfile',
    paths.pidfile,
    '-H',
    `unix://${paths.socket}`,
    '-H',
    `tcp://127.0.0.1:${tcpPort}`,
    '--storage-driver=overlay2',
    '--ip',
    '127.0.0.1',
  ]
}
