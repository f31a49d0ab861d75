// nginx as the yardstick: a temporary prefix directory, a generated nginx.conf,
// run in the foreground so the benchmark owns the process and stops it.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { acceptsConnections } from '../../../drivers/load-balancer/docker-daemon/backend-process.ts'
import { startChild, type StartedChild } from './child-process.ts'
import { nginxConf } from './nginx-conf.ts'
import { waitFor } from './wait-for.ts'

/** Where nginx is expected; the comparison is skipped when it is not there. */
export const NGINX_PATH = '/usr/sbin/nginx'

/** A running nginx. */
export interface RunningNginx {
  readonly url: string
  /** What `nginx -v` says, e.g. `nginx/1.22.1`. */
  readonly version: string
  readonly child: StartedChild
}

/**
 * Starts nginx with `workers` worker processes in front of `backends`, its files in `dir`; undefined when nginx is not
 * installed.
 *
 * @example
 *   const nginx = await startNginx('/tmp/bench-nginx', [{ host: '127.0.0.1', port: 40001 }])
 *   nginx?.url // 'http://127.0.0.1:40123'
 */
export async function startNginx(
  dir: string,
  backends: ReadonlyArray<{ host: string; port: number }>,
  workers = 1,
): Promise<RunningNginx | undefined> {
  if (!existsSync(NGINX_PATH)) return undefined
  mkdirSync(dir, { recursive: true })
  const port = await freePort()
  const conf = join(dir, 'nginx.conf')
  writeFileSync(conf, nginxConf({ dir, port, backends, keepalive: 64, workers }))
  const child = startChild(NGINX_PATH, ['-p', dir, '-e', join(dir, 'error.log'), '-c', conf, '-g', 'daemon off;'])
  try {
    await waitFor(
      `nginx to accept connections on 127.0.0.1:${port}`,
      async () => {
        if (child.process.exitCode !== null)
          throw new Error(`nginx exited with ${child.process.exitCode}: ${child.output()}`)
        return (await acceptsConnections(port)) ? true : undefined
      },
      5_000,
    )
  } catch (error) {
    await child.stop(1_000)
    throw error
  }
  const version =
    /nginx\/\S+/.exec(spawnSync(NGINX_PATH, ['-v'], { encoding: 'utf8', timeout: 5_000 }).stderr)?.[0] ??
    'nginx (version unknown)'
  return { url: `http://127.0.0.1:${port}`, version, child }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0))
    })
  })
}
