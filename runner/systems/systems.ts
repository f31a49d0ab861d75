import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { superviseProcess, type SupervisedProcess, type UnexpectedExit } from '../../drivers/core/process-supervisor.ts'
import type { ReadyCheck } from '../../drivers/core/wait-for-ready.ts'
import { tempDirPlaceholder, type SystemConfig } from '../config/config.ts'
import { startWaves } from './system-order.ts'
import { fillAddressesOf, fillEnvTemplate, namedGroups } from './system-templates.ts'

/**
 * The systems of one run: the variables that carry their addresses to the
 * tests, a line per system for the console, how to hear of one that dies
 * while the run goes on, and how to stop what was started.
 *
 * @example
 *   declare const loaded: import('../config/load-config.ts').LoadedConfig
 *   const systems = await startSystems(['engine'], loaded.config.systems ?? {}, { root: loaded.root, remote: false, env: process.env })
 *   systems.env // { SETTLEMENT_URL: 'http://127.0.0.1:40123' }
 *   systems.onUnexpectedExit((exit) => console.error(exit)) // { name: 'engine', pid: 4242, code: null, signal: 'SIGKILL', at }
 */
export interface RunningSystems {
  env: Record<string, string>
  lines: string[]
  /** The process ids of the started systems: theirs to stop, not the runner's to kill. */
  pids: number[]
  /**
   * Calls the listener when a started system exits without `stop()` having
   * asked it to (it crashed, or was killed from outside); exits that happened
   * before the call are passed to it at once. Returns a function to unsubscribe.
   */
  onUnexpectedExit(listener: (exit: UnexpectedExit) => void): () => void
  stop(): Promise<void>
}

/**
 * Where systems run: `remote` starts nothing and reads every address from
 * `env`; otherwise a system whose address variables are all set is not
 * started either, and the others are started on the machine, in waves.
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
 * Starts each named system once, in waves (a system after the systems in its
 * `after`), and waits until it is ready; if one cannot start, stops the others
 * and throws with the last lines of its log.
 *
 * @example
 *   declare const engine: import('../config/config.ts').SystemConfig, runTests: (env: Readonly<Record<string, string>>) => Promise<void>
 *   const systems = await startSystems(['engine'], { engine }, { root: process.cwd(), remote: false, env: process.env })
 *   try { await runTests(systems.env) } finally { await systems.stop() }
 */
export async function startSystems(
  names: readonly string[],
  configs: Readonly<Record<string, SystemConfig>>,
  options: SystemsOptions,
): Promise<RunningSystems> {
  const env: Record<string, string> = {}
  const lines: string[] = []
  const toStart: string[] = []
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
      toStart.push(name)
    }
  }
  if (missing.length > 0) {
    throw new ConfigurationError(
      `--env remote starts no system, so their addresses must be set: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set. ` +
        `Set ${missing.length === 1 ? 'it' : 'them'} to the deployed system's address, e.g. export ${missing[0]!.split(' ')[0]}=https://staging.example.com`,
    )
  }
  for (const name of toStart) checkStartedAfter(name, configs, toStart, options.env)

  const waves: SupervisedProcess[][] = []
  const tempDirs: string[] = []
  const exits: UnexpectedExit[] = []
  const exitListeners = new Set<(exit: UnexpectedExit) => void>()
  const stop = async (): Promise<void> => {
    // Dependents first: a system may still be talking to the ones it started after.
    for (const wave of [...waves].reverse()) await Promise.allSettled(wave.map((supervised) => supervised.stop()))
    for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  }
  const addresses: Record<string, string> = {}
  for (const wave of startWaves(toStart, configs)) {
    const processes: SupervisedProcess[] = []
    waves.push(processes)
    const outcomes = await Promise.allSettled(
      wave.map(async (name) => {
        const system = configs[name]!
        const began = Date.now()
        const supervised = superviseProcess({
          name,
          command: system.command,
          ...(system.args ? { args: withTempDir(name, system.args.map((arg) => fillAddressesOf(arg, addresses)), tempDirs) } : {}),
          cwd: resolve(options.root, system.cwd ?? '.'),
          ...(system.processEnv ? { env: mapValues(system.processEnv, (value) => fillAddressesOf(value, addresses)) } : {}),
          ready: readyCheck(system.ready),
          readyTimeoutMs: system.readyTimeoutMs ?? 30_000,
          ...(system.stopTimeoutMs ? { stopTimeoutMs: system.stopTimeoutMs } : {}),
        })
        processes.push(supervised)
        supervised.onUnexpectedExit((exit) => {
          exits.push(exit)
          for (const listener of [...exitListeners]) listener(exit)
        })
        // If it does not get ready, the supervisor's error says why, with the last lines of its output.
        const ready = await supervised.start()
        return { name, ready, took: seconds(Date.now() - began) }
      }),
    )
    const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []))
    if (failures.length > 0) {
      await stop()
      throw failures[0]
    }
    // Lines and variables in declared order, whichever got ready first.
    for (const { name, ready, took } of outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []))) {
      const system = configs[name]!
      const address = ready.address ?? ''
      const groups = { ...Object.fromEntries(logPatterns(system.ready).flatMap(namedGroups).map((group) => [group, ''])), ...ready.groups }
      for (const [variable, template] of Object.entries(system.env ?? {})) env[variable] = fillEnvTemplate(template, { address, groups, addresses })
      addresses[name] = address
      lines.push(`${name}: started${address ? ` at ${address}` : ''} (pid ${ready.pid}, ${took})`)
    }
  }
  const pids = waves.flat().flatMap((supervised) => (supervised.pid === undefined ? [] : [supervised.pid]))
  const onUnexpectedExit = (listener: (exit: UnexpectedExit) => void): (() => void) => {
    exitListeners.add(listener)
    for (const exit of exits) listener(exit)
    return () => exitListeners.delete(listener)
  }
  return { env, lines, pids, onUnexpectedExit, stop }
}

// A system started here cannot be handed the address of one running elsewhere: that address is only in its variables.
function checkStartedAfter(name: string, configs: Readonly<Record<string, SystemConfig>>, started: readonly string[], env: SystemsOptions['env']): void {
  const before = (configs[name]!.after ?? []).find((system) => !started.includes(system))
  if (before === undefined) return
  const theirs = Object.keys(configs[before]?.env ?? {})
  const ours = Object.keys(configs[name]!.env ?? {})
  const set = theirs.length > 0 && theirs.every((variable) => env[variable])
  const fix = set
    ? `Unset ${listOf(theirs)} to start both, or set ${listOf(ours) || `an env variable of systems.${name}`} too to start neither.`
    : `Start "${before}" in this run too.`
  throw new ConfigurationError(
    `systems.${name} is to be started after "${before}", but "${before}" is not started ${set ? `(${listOf(theirs)} ${theirs.length === 1 ? 'is' : 'are'} already set)` : 'in this run'}, ` +
      `so ${name} cannot be given its address. ${fix}`,
  )
}

// The supervisor waits for the first pattern (the address) and for the others alongside it.
function readyCheck(ready: SystemConfig['ready']): ReadyCheck {
  const [log, ...alsoLog] = logPatterns(ready)
  return { ...(log ? { log } : {}), ...(alsoLog.length > 0 ? { alsoLog } : {}), ...(ready.url ? { url: ready.url } : {}) }
}

function logPatterns(ready: SystemConfig['ready']): RegExp[] {
  return ready.log === undefined ? [] : [ready.log].flat()
}

function listOf(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`
}

function mapValues(record: Readonly<Record<string, string>>, map: (value: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]))
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
