import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ConfigurationError } from '../drivers/core/errors/configuration-error.ts'
import { superviseProcess, type SupervisedProcess } from '../drivers/core/process-supervisor.ts'
import { tempDirPlaceholder, type SystemConfig } from './config.ts'

/**
 * The systems of one run: the variables that carry their addresses to the
 * tests, a line per system for the console, and how to stop what was started.
 *
 * @example
 *   const systems = await startSystems(['engine'], config.systems, { root, remote: false, env: process.env })
 *   systems.env // { SETTLEMENT_URL: 'http://127.0.0.1:40123' }
 */
export interface RunningSystems {
  env: Record<string, string>
  lines: string[]
  /** The process ids of the started systems: theirs to stop, not the runner's to kill. */
  pids: number[]
  stop(): Promise<void>
}

/**
 * Where systems run: `remote` starts nothing and reads every address from
 * `env`; otherwise a system whose address variables are all set is not
 * started either, and the others are started on the machine, in parallel.
 *
 * @example
 *   const options: SystemsOptions = { root: '/work/shop', remote: true, env: process.env }
 */
export interface SystemsOptions {
  /** The config file's directory: a system's `cwd` is relative to it. */
  root: string
  remote: boolean
  env: Readonly<Record<string, string | undefined>>
}

/**
 * Starts each named system once and waits until it is ready; if one cannot
 * start, stops the others and throws with the last lines of its log.
 *
 * @example
 *   const systems = await startSystems(['engine'], { engine }, { root, remote: false, env: process.env })
 *   try { await runTests(systems.env) } finally { await systems.stop() }
 */
export async function startSystems(
  names: readonly string[],
  configs: Readonly<Record<string, SystemConfig>>,
  options: SystemsOptions,
): Promise<RunningSystems> {
  const env: Record<string, string> = {}
  const lines: string[] = []
  const toStart: [string, SystemConfig][] = []
  const missing: string[] = []
  for (const name of names) {
    const system = configs[name]!
    const variables = Object.keys(system.env ?? {})
    const unset = variables.filter((variable) => !options.env[variable])
    if (options.remote || (variables.length > 0 && unset.length === 0)) {
      missing.push(...unset.map((variable) => `${variable} (systems.${name}.env)`))
      for (const variable of variables) env[variable] = options.env[variable] ?? ''
      lines.push(`${name}: not started, ${variables.map((v) => `${v}=${withoutPassword(options.env[v] ?? '')}`).join(' ') || 'no address variables'}`)
    } else {
      toStart.push([name, system])
    }
  }
  if (missing.length > 0) {
    throw new ConfigurationError(
      `--env remote starts no system, so their addresses must be set: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set. ` +
        `Set ${missing.length === 1 ? 'it' : 'them'} to the deployed system's address, e.g. export ${missing[0]!.split(' ')[0]}=https://staging.example.com`,
    )
  }

  const started: SupervisedProcess[] = []
  const tempDirs: string[] = []
  const stop = async (): Promise<void> => {
    await Promise.allSettled(started.map((supervised) => supervised.stop()))
    for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  }
  const outcomes = await Promise.allSettled(
    toStart.map(async ([name, system]) => {
      const began = Date.now()
      const supervised = superviseProcess({
        name,
        command: system.command,
        ...(system.args ? { args: withTempDir(name, system.args, tempDirs) } : {}),
        cwd: resolve(options.root, system.cwd ?? '.'),
        ...(system.processEnv ? { env: system.processEnv } : {}),
        ready: system.ready,
        readyTimeoutMs: system.readyTimeoutMs ?? 30_000,
        ...(system.stopTimeoutMs ? { stopTimeoutMs: system.stopTimeoutMs } : {}),
      })
      started.push(supervised)
      // If it does not get ready, the supervisor's error says why, with the last lines of its output.
      const ready = await supervised.start()
      const address = ready.address ?? ''
      for (const [variable, template] of Object.entries(system.env ?? {})) env[variable] = template.replaceAll('{address}', address)
      lines.push(`${name}: started${address ? ` at ${address}` : ''} (pid ${ready.pid}, ${seconds(Date.now() - began)})`)
    }),
  )
  const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []))
  if (failures.length > 0) {
    await stop()
    throw failures[0]
  }
  const pids = started.flatMap((supervised) => (supervised.pid === undefined ? [] : [supervised.pid]))
  return { env, lines, pids, stop }
}

// `{tempDir}` in a system's arguments: a fresh directory for this run only, removed when the system stops.
function withTempDir(name: string, args: readonly string[], tempDirs: string[]): string[] {
  if (!args.some((arg) => arg.includes(tempDirPlaceholder))) return [...args]
  const dir = mkdtempSync(join(tmpdir(), `parlance-${name}-`))
  tempDirs.push(dir)
  return args.map((arg) => arg.replaceAll(tempDirPlaceholder, dir))
}

/** An address as the console may show it: `https://ci:****@staging.example.com`. */
function withoutPassword(address: string): string {
  return address.replace(/\/\/([^/@:]+):[^/@]+@/, '//$1:****@')
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}
