// The load balancer under benchmark: the real program in its own process,
// discovering from the emulator, watched through its admin status.
import { request } from 'node:http'
import { fileURLToPath } from 'node:url'
import type { ReplicaStatus, StatusJson } from '../src/admin/index.ts'
import { startChild, type StartedChild } from './child-process.ts'

const mainFile = fileURLToPath(new URL('../main.ts', import.meta.url))

/** The running load balancer. */
export interface RunningLoadBalancer {
  readonly proxyUrl: string
  readonly adminUrl: string
  readonly child: StartedChild
  /** The replicas `/_lb/status` lists for `host`, [] when it lists none. */
  replicas(host: string): Promise<ReplicaStatus[]>
}

/**
 * Starts `examples/load-balancer/main.ts` on free ports; `nodeArgs` go to node (e.g. `--cpu-prof`).
 *
 * @example
 *   declare const daemon: import('../../../drivers/load-balancer/docker-daemon/index.ts').DockerDaemon
 *   const lb = await startLoadBalancer(`unix://${daemon.socketPath}`)
 *   await lb.replicas('shop.bench') // [{ name: 'shop-1', healthy: true, … }]
 */
export async function startLoadBalancer(
  dockerHost: string,
  nodeArgs: readonly string[] = [],
  readyMs = 15_000,
  programArgs: readonly string[] = [],
): Promise<RunningLoadBalancer> {
  let addresses: ((found: { proxy: string; admin: string }) => void) | undefined
  const child = startChild(
    process.execPath,
    [
      ...nodeArgs,
      '--import',
      'tsx',
      mainFile,
      '--port',
      '0',
      '--admin-port',
      '0',
      '--docker-host',
      dockerHost,
      ...programArgs,
    ],
    (output) => {
      const proxy = /load balancer listening on (http:\/\/\S+)/.exec(output)?.[1]
      const admin = /load balancer admin on (http:\/\/\S+)/.exec(output)?.[1]
      if (proxy !== undefined && admin !== undefined) addresses?.({ proxy, admin })
    },
  )
  const { proxy, admin } = await new Promise<{ proxy: string; admin: string }>((resolve, reject) => {
    const failure = (why: string) => new Error(`the load balancer did not start: ${why}; output:\n${child.output()}`)
    const timer = setTimeout(() => reject(failure(`it printed no address lines within ${readyMs} ms`)), readyMs)
    addresses = (found) => {
      clearTimeout(timer)
      resolve(found)
    }
    void child.exited.then(() => {
      clearTimeout(timer)
      reject(failure('it exited before printing its addresses'))
    })
  }).catch(async (error: unknown) => {
    await child.stop(1_000)
    throw error
  })
  return {
    proxyUrl: proxy,
    adminUrl: admin,
    child,
    async replicas(host) {
      const status = JSON.parse(await getText(`${admin}/_lb/status`)) as StatusJson
      return status.services.find((service) => service.host === host)?.replicas ?? []
    },
  }
}

function getText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, timeout: 2_000 }, (res) => {
      let body = ''
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
      res.on('end', () =>
        res.statusCode === 200 ? resolve(body) : reject(new Error(`GET ${url} answered ${res.statusCode}: ${body}`)),
      )
    })
    req.on('timeout', () => req.destroy(new Error(`GET ${url} got no answer within 2 s`)))
    req.on('error', reject).end()
  })
}
