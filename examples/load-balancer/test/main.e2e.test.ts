// Runs the real program against the Docker daemon emulator on a unix socket.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { request } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createDockerDaemon, type DockerDaemon } from '../../../drivers/load-balancer/docker-daemon/index.ts'

const repoRoot = resolve(import.meta.dirname, '../../..')
const mainPath = 'examples/load-balancer/main.ts'

function get(url: string, host?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolvePromise, reject) => {
    const req = request(url, { headers: host === undefined ? {} : { host }, agent: false }, (res) => {
      let body = ''
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject).end()
  })
}

function waitForAddresses(child: ChildProcess): Promise<{ proxy: string; admin: string }> {
  return new Promise((resolvePromise, reject) => {
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`no address lines within 5 s; stdout: ${out} stderr: ${err}`)), 5_000)
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const proxy = /load balancer listening on (http:\/\/\S+)/.exec(out)?.[1]
      const admin = /load balancer admin on (http:\/\/\S+)/.exec(out)?.[1]
      if (proxy !== undefined && admin !== undefined) {
        clearTimeout(timer)
        resolvePromise({ proxy, admin })
      }
    })
    child.once('exit', (code) => reject(new Error(`exited ${code} before its address lines; stderr: ${err}`)))
  })
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 5_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

describe('load-balancer program', () => {
  let daemon: DockerDaemon | undefined
  let child: ChildProcess | undefined
  let dir: string | undefined

  afterEach(async () => {
    if (child !== undefined && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    await daemon?.close()
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
    daemon = child = dir = undefined
  })

  it('balances two containers by Host, reports them, and stops cleanly on SIGTERM', async () => {
    dir = mkdtempSync(join(tmpdir(), 'lb-e2e-'))
    daemon = await createDockerDaemon({ socketPath: join(dir, 'docker.sock') })
    await daemon.runContainer({ name: 'shop-1', labels: { 'lb.host': 'shop.test' }, publish: true })
    await daemon.runContainer({ name: 'shop-2', labels: { 'lb.host': 'shop.test' }, publish: true })
    child = spawn(
      process.execPath,
      ['--import', 'tsx', mainPath, '--port', '0', '--admin-port', '0', '--docker-host', `unix://${daemon.socketPath}`],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    const { proxy, admin } = await waitForAddresses(child)

    const replicas = await until('both replicas in /_lb/status', async () => {
      const status = JSON.parse((await get(`${admin}/_lb/status`)).body) as {
        services: Array<{ host: string; replicas: Array<{ name: string; healthy: boolean }> }>
      }
      const shop = status.services.find((service) => service.host === 'shop.test')
      return shop !== undefined && shop.replicas.length === 2 ? shop.replicas : undefined
    })
    expect(replicas.map((replica) => replica.name).sort()).toEqual(['shop-1', 'shop-2'])

    const answered = []
    for (let i = 0; i < 4; i++) {
      const response = await get(`${proxy}/hello`, 'shop.test')
      expect(response.status).toBe(200)
      answered.push((JSON.parse(response.body) as { container: string }).container)
    }
    expect(new Set(answered)).toEqual(new Set(['shop-1', 'shop-2']))
    expect(answered[0]).not.toBe(answered[1])

    expect((await get(`${proxy}/`, 'nobody.test')).status).toBe(404)
    expect((await get(`${admin}/_lb/metrics`)).body).toContain('lb_requests_total{host="shop.test",code="200"} 4')

    const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(() => process.kill(child!.pid!, 0)).toThrow()
  })

  it('prints its help and exits 0', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', mainPath, '--help'], { cwd: repoRoot, encoding: 'utf8' })
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/^Usage: load-balancer \[options\]/)
  })

  it('refuses a bad option with exit 2, naming the option, the value and what is allowed', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', mainPath, '--strategy', 'random'], { cwd: repoRoot, encoding: 'utf8' })
    expect(result.status).toBe(2)
    expect(result.stderr).toBe(
      'load-balancer: --strategy: Balancing strategy "random" is not supported; use one of: round-robin, least-connections.\n' +
        'Run load-balancer --help for the options.\n',
    )
  })
})
