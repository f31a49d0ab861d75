// Per-file bookkeeping for end-to-end tests: every daemon, program and temp
// directory a test starts is ended by cleanup() in afterEach.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  createDockerDaemon,
  type DockerDaemon,
  type DockerDaemonOptions,
} from '../../../../drivers/load-balancer/docker-daemon/index.ts'
import { loadBalancerArgs, spawnLoadBalancer, type LoadBalancerProcess } from './load-balancer-process.ts'

/**
 * Starts daemons and programs for one test and ends them all afterwards.
 *
 * @example
 *   import { afterEach } from 'vitest'
 *   const harness = new E2eHarness(); afterEach(() => harness.cleanup())
 *   const daemon = await harness.daemon(); const lb = await harness.loadBalancer(daemon)
 */
export class E2eHarness {
  #daemons: DockerDaemon[] = []
  #programs: LoadBalancerProcess[] = []
  #dirs: string[] = []

  /** A daemon on a unix socket in a fresh temp directory (and on TCP when `tcp` is set). */
  async daemon(options: Omit<DockerDaemonOptions, 'socketPath'> = {}): Promise<DockerDaemon> {
    const dir = mkdtempSync(join(tmpdir(), 'lb-e2e-'))
    this.#dirs.push(dir)
    const daemon = await createDockerDaemon({ ...options, socketPath: join(dir, 'docker.sock') })
    this.#daemons.push(daemon)
    return daemon
  }

  /** The program against `daemon`'s socket (or `dockerHost` when given), with `extra` flags. */
  async loadBalancer(
    daemon: DockerDaemon | undefined,
    extra: string[] = [],
    env: Record<string, string> = {},
    dockerHost?: string,
  ): Promise<LoadBalancerProcess> {
    const host = dockerHost ?? (daemon?.socketPath === undefined ? undefined : `unix://${daemon.socketPath}`)
    const program = await spawnLoadBalancer(loadBalancerArgs(host, extra), env)
    this.#programs.push(program)
    return program
  }

  async cleanup(): Promise<void> {
    for (const { child } of this.#programs) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    }
    await Promise.all(this.#programs.map((program) => program.exited))
    await Promise.all(this.#daemons.map((daemon) => daemon.close()))
    for (const dir of this.#dirs) rmSync(dir, { recursive: true, force: true })
    this.#programs = []
    this.#daemons = []
    this.#dirs = []
  }
}
