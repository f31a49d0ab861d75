import { fileURLToPath } from 'node:url'
import type { BackendCommand } from '../../../../drivers/load-balancer/docker-daemon/index.ts'

/**
 * A container backend that answers `GET /anything?delay=MS` after MS milliseconds, and drains on SIGTERM.
 *
 * @example
 *   declare const daemon: import('../../../../drivers/load-balancer/docker-daemon/index.ts').DockerDaemon
 *   await daemon.runContainer({
 *     name: 'slow-1',
 *     labels: { 'lb.host': 'shop.test' },
 *     publish: true,
 *     backend: SLOW_BACKEND,
 *   })
 */
export const SLOW_BACKEND: BackendCommand = {
  command: process.execPath,
  args: [fileURLToPath(new URL('../fixtures/slow-backend.mjs', import.meta.url))],
}
