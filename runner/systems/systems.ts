import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { maskSecrets } from '../../drivers/core/mask-secrets.ts'
import {
  superviseProcess,
  type ProcessSpec,
  type ReadyInfo,
  type SupervisedProcess,
  type UnexpectedExit,
} from '../../drivers/core/process-supervisor.ts'
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
 *   const systems = await startSystems(['engine'], loaded.config.systems ?? {}, {
 *     root: loaded.root,
 *     remote: false,
 *     env: process.env,
 *   })
 *   systems.env // { SETTLEMENT_URL: 'http://127.0.0.1:40123' }
 *   systems.onUnexpectedExit((exit) => console.error(exit))
 *   // → { name: 'engine', pid: 4242, code: null, signal: 'SIGKILL', at }
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
 *   declare const engine: import('../config/config.ts').SystemConfig,
 *     runTests: (env: Readonly<Record<string, string>>) => Promise<void>
 *   const systems = await startSystems(
 *     ['engine'],
 *     { engine },
 *     { root: process.cwd(), remote: false, env: process.env },
 *   )
 *   try {
 *     await runTests(systems.env)
 *   } finally {
 *     await systems.stop()
 *   }
 */
export async function startSystems(
  names: readonly string[],
  configs: Readonly<Record<string, SystemConfig>>,
  options: SystemsOptions,
): Promise<RunningSystems> {
  const elsewhere = names.filter((name) => runsElsewhere(configs[name]!, options))
  const toStart = names.filter((name) => !elsewhere.includes(name))
  checkAddressesSet(elsewhere, configs, options.env)
  for (const name of toStart) checkStartedAfter(name, configs, toStart, options.env)
  const launch = launchOf(elsewhere, configs, options)
  for (const wave of startWaves(toStart, configs)) await startWave(launch, wave)
  return {
    env: launch.env,
    lines: launch.lines,
    pids: launch.waves.flat().flatMap((supervised) => (supervised.pid === undefined ? [] : [supervised.pid])),
    onUnexpectedExit: (listener) => listenForExits(launch, listener),
    stop: () => stopLaunched(launch),
  }
}

/**
 * The systems of one run as they start: what the tests are told (`env`,
 * `lines`), the addresses of the systems ready so far, and what it takes to
 * stop them and to hear of their exits.
 */
interface Launch {
  configs: Readonly<Record<string, SystemConfig>>
  options: SystemsOptions
  env: Record<string, string>
  lines: string[]
  addresses: Record<string, string>
  waves: SupervisedProcess[][]
  tempDirs: string[]
  exits: UnexpectedExit[]
  exitListeners: Set<(exit: UnexpectedExit) => void>
}

interface ReadySystem {
  name: string
  ready: ReadyInfo
  took: string
}

// Remote, or every address variable already set: the system runs elsewhere and its variables say where.
function runsElsewhere(system: SystemConfig, options: SystemsOptions): boolean {
  const variables = Object.keys(system.env ?? {})
  return options.remote || (variables.length > 0 && unsetVariables(system, options.env).length === 0)
}

function unsetVariables(system: SystemConfig, env: SystemsOptions['env']): string[] {
  return Object.keys(system.env ?? {}).filter((variable) => !env[variable])
}

function checkAddressesSet(
  elsewhere: readonly string[],
  configs: Readonly<Record<string, SystemConfig>>,
  env: SystemsOptions['env'],
): void {
  const missing = elsewhere.flatMap((name) =>
    unsetVariables(configs[name]!, env).map((variable) => `${variable} (systems.${name}.env)`),
  )
  if (missing.length === 0) return
  const one = missing.length === 1
  throw new ConfigurationError(
    `--env remote starts no system, so their addresses must be set: ${missing.join(', ')} ${one ? 'is' : 'are'} ` +
      `not set. Set ${one ? 'it' : 'them'} to the deployed system's address, ` +
      `e.g. export ${missing[0]!.split(' ')[0]}=https://staging.example.com`,
  )
}

// Nothing started yet: only the systems running elsewhere, with the addresses their variables give.
function launchOf(
  elsewhere: readonly string[],
  configs: Readonly<Record<string, SystemConfig>>,
  options: SystemsOptions,
): Launch {
  const launch: Launch = {
    configs,
    options,
    env: {},
    lines: [],
    addresses: {},
    waves: [],
    tempDirs: [],
    exits: [],
    exitListeners: new Set(),
  }
  for (const name of elsewhere) {
    const variables = Object.keys(configs[name]!.env ?? {})
    for (const variable of variables) launch.env[variable] = options.env[variable] ?? ''
    const shown = variables.map((variable) => maskSecrets(`${variable}=${options.env[variable] ?? ''}`))
    launch.lines.push(`${name}: not started, ${shown.join(' ') || 'no address variables'}`)
  }
  return launch
}

// Starts one wave's systems side by side; if one cannot start, stops every system started so far.
async function startWave(launch: Launch, wave: readonly string[]): Promise<void> {
  const processes: SupervisedProcess[] = []
  launch.waves.push(processes)
  const outcomes = await Promise.allSettled(wave.map((name) => startSystem(launch, name, processes)))
  const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []))
  if (failures.length > 0) {
    await stopLaunched(launch)
    throw failures[0]
  }
  // Lines and variables in declared order, whichever got ready first.
  for (const outcome of outcomes) if (outcome.status === 'fulfilled') recordReady(launch, outcome.value)
}

async function startSystem(launch: Launch, name: string, processes: SupervisedProcess[]): Promise<ReadySystem> {
  const began = Date.now()
  const supervised = superviseProcess(processSpec(launch, name))
  processes.push(supervised)
  supervised.onUnexpectedExit((exit) => {
    launch.exits.push(exit)
    for (const listener of [...launch.exitListeners]) listener(exit)
  })
  // If it does not get ready, the supervisor's error says why, with the last lines of its output.
  const ready = await supervised.start()
  return { name, ready, took: seconds(Date.now() - began) }
}

// Its `{address:NAME}` placeholders filled with the addresses of the systems of earlier waves.
function processSpec(launch: Launch, name: string): ProcessSpec {
  const system = launch.configs[name]!
  const fill = (text: string): string => fillAddressesOf(text, launch.addresses)
  return {
    name,
    command: system.command,
    ...(system.args ? { args: withTempDir(name, system.args.map(fill), launch.tempDirs) } : {}),
    cwd: resolve(launch.options.root, system.cwd ?? '.'),
    ...(system.processEnv ? { env: mapValues(system.processEnv, fill) } : {}),
    ready: readyCheck(system.ready),
    readyTimeoutMs: system.readyTimeoutMs ?? 30_000,
    ...(system.stopTimeoutMs ? { stopTimeoutMs: system.stopTimeoutMs } : {}),
  }
}

function recordReady(launch: Launch, { name, ready, took }: ReadySystem): void {
  const system = launch.configs[name]!
  const address = ready.address ?? ''
  const named = logPatterns(system.ready).flatMap(namedGroups)
  const groups = { ...Object.fromEntries(named.map((group) => [group, ''])), ...ready.groups }
  for (const [variable, template] of Object.entries(system.env ?? {})) {
    launch.env[variable] = fillEnvTemplate(template, { address, groups, addresses: launch.addresses })
  }
  launch.addresses[name] = address
  launch.lines.push(maskSecrets(`${name}: started${address ? ` at ${address}` : ''} (pid ${ready.pid}, ${took})`))
}

function listenForExits(launch: Launch, listener: (exit: UnexpectedExit) => void): () => void {
  launch.exitListeners.add(listener)
  for (const exit of launch.exits) listener(exit)
  return () => launch.exitListeners.delete(listener)
}

async function stopLaunched(launch: Launch): Promise<void> {
  // Dependents first: a system may still be talking to the ones it started after.
  for (const wave of [...launch.waves].reverse()) await Promise.allSettled(wave.map((supervised) => supervised.stop()))
  for (const dir of launch.tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
}

// A system started here cannot be handed the address of one running elsewhere: that address is only in its variables.
function checkStartedAfter(
  name: string,
  configs: Readonly<Record<string, SystemConfig>>,
  started: readonly string[],
  env: SystemsOptions['env'],
): void {
  const before = (configs[name]!.after ?? []).find((system) => !started.includes(system))
  if (before === undefined) return
  const theirs = Object.keys(configs[before]?.env ?? {})
  const ours = Object.keys(configs[name]!.env ?? {})
  const set = theirs.length > 0 && theirs.every((variable) => env[variable])
  const fix = set
    ? `Unset ${listOf(theirs)} to start both, or set ${listOf(ours) || `an env variable of systems.${name}`} too ` +
      `to start neither.`
    : `Start "${before}" in this run too.`
  throw new ConfigurationError(
    `systems.${name} is to be started after "${before}", but "${before}" is not started ` +
      `${set ? `(${listOf(theirs)} ${theirs.length === 1 ? 'is' : 'are'} already set)` : 'in this run'}, ` +
      `so ${name} cannot be given its address. ${fix}`,
  )
}

// The supervisor waits for the first pattern (the address) and for the others alongside it.
function readyCheck(ready: SystemConfig['ready']): ReadyCheck {
  const [log, ...alsoLog] = logPatterns(ready)
  return {
    ...(log ? { log } : {}),
    ...(alsoLog.length > 0 ? { alsoLog } : {}),
    ...(ready.url ? { url: ready.url } : {}),
  }
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

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}
