import type { DurationInput } from '../../drivers/core/duration-input.ts'
import type { SecretsConfig } from '../../drivers/core/secret-names.ts'
import type { GateConfig } from '../gate/gate-config.ts'
import type { LintConfig } from '../lint/lint-config.ts'

/**
 * A system under test that `parlance run` starts once per run, on an
 * ephemeral port, and stops at the end. Systems start in waves: a system
 * starts once every system in its `after` is ready, and may be handed their
 * addresses with `{address:NAME}`; they stop in reverse order.
 *
 * @example
 *   const engine: SystemConfig = { command: 'node', args: ['examples/settlement-engine/main.ts', '--port', '0'],
 *     ready: { log: /listening on (http:\/\/\S+)/ }, env: { SETTLEMENT_URL: '{address}' } }
 * @example
 *   const lb: SystemConfig = {
 *     command: 'node',
 *     args: ['lb.ts', '--docker-host', '{address:docker}'],
 *     after: ['docker'],
 *     ready: { log: [/balancer listening on (http:\S+)/, /admin on (?<admin>http:\S+)/] },
 *     env: { LB_URL: '{address}', LB_ADMIN_URL: '{admin}' },
 *   }
 */
export interface SystemConfig {
  /** The program to run, e.g. `node`. */
  command: string
  /**
   * Its arguments. Ask for an ephemeral port here (`--port 0`) and print the
   * address. `{tempDir}` stands for a fresh directory made for this run and
   * removed when the system stops, e.g. `['--data-dir', '{tempDir}']`;
   * `{address:NAME}` for the address of system NAME, which must be in `after`.
   */
  args?: string[]
  /** Its working directory, relative to the config file. Default: the config file's directory. */
  cwd?: string
  /** Extra environment variables for the system's own process; `{address:NAME}` is replaced as in `args`. */
  processEnv?: Record<string, string>
  /**
   * The systems that must be ready before this one starts, e.g. `['docker']`.
   * A domain that needs this system gets them started too.
   */
  after?: string[]
  /**
   * When the system is ready: a log line matching `log` (its first capture group
   * is the address) and/or `url` answering 2xx (`{address}` is replaced).
   * `log` may be a list when the system prints what it has to say on several
   * lines: ready once each has matched a line, in any order; the address is the
   * first group of the first one. Named groups (`(?<admin>\S+)`) of any of them
   * can be used in `env` as `{admin}`.
   */
  ready: { log?: RegExp | RegExp[]; url?: string }
  /** How long to wait for ready before giving up. Default 30000. */
  readyTimeoutMs?: number
  /** How long to wait after SIGTERM before SIGKILL. Default: the supervisor's. */
  stopTimeoutMs?: number
  /**
   * The variables that hand the system's address to the tests; `{address}` is
   * replaced, `{NAME}` by the named group NAME of `ready.log`, `{address:NAME}`
   * by system NAME's address. With `--env remote`, or when all of them are
   * already set, the system is not started and these variables are read from
   * the environment.
   */
  env?: Record<string, string>
}

/**
 * One domain of the specs: where its features are, the channels they run on,
 * the systems they need and its own step glue. A domain is a unit: its
 * channels are its own (two domains' `api` channels are two runs), and its
 * scenarios see only the shared support and its own.
 *
 * @example
 *   const settlement: DomainConfig = {
 *     features: ['specs/settlement/**\/*.feature'],
 *     channels: ['api', 'ui'],
 *     systems: ['settlement'],
 *     support: ['specs/settlement/steps/**\/*.ts'],
 *   }
 */
export interface DomainConfig<S extends string = string> {
  /** Feature files: paths or globs, relative to the config file. */
  features: string[]
  /** The channels this domain's scenarios run on, e.g. `['api', 'ui', 'stream']`. */
  channels: string[]
  /** The systems (keys of `systems`) its scenarios need. */
  systems?: S[]
  /**
   * Its own support code (step definitions, parameter types, hooks): paths or
   * globs, relative to the config file. Only its scenarios see them, so an
   * undefined step's snippet offers only the shared and its own parameter
   * types, and two domains may use the same step text. Default: none (the
   * shared `support` only).
   */
  support?: string[]
}

/**
 * How one channel runs: its step timeout, whether it drives a browser, its workers.
 *
 * @example
 *   const ui: ChannelConfig = { browser: true, stepTimeout: '90s', workers: 1 }
 */
export interface ChannelConfig {
  /**
   * How long one step may take on this channel before it fails as timed out,
   * not counting set-up a driver declares (launching a browser, opening its
   * context): `'45s'`, `'2m'` or milliseconds. Default 30 s; 60 s for a browser channel.
   */
  stepTimeout?: DurationInput
  /**
   * The channel's drivers use the browser pool: the run finds Chromium once
   * before the channel starts and names it; with none, the channel's
   * scenarios are not run and the run says why once. Default false.
   */
  browser?: boolean
  /**
   * Worker processes for this channel; `--parallel` overrides it. Default:
   * `parallel`, else one per core of the machine.
   */
  workers?: number
}

/**
 * The whole of `parlance.config.ts`.
 *
 * @example
 *   export default defineConfig({ systems: {}, domains: { shop: { features: ['specs/shop'], channels: ['api'] } },
 *     support: ['specs/support/**\/*.ts'] })
 */
export interface ParlanceConfig<S extends string = string> {
  /** The systems under test, by name. */
  systems?: Record<S, SystemConfig>
  /** The domains of the specs, by name. */
  domains: Record<string, DomainConfig<NoInfer<S>>>
  /**
   * Support code every domain shares (Parlance's hooks, the World, core
   * parameter types): paths or globs, relative to the config file. A domain's
   * own step glue goes in its `support`.
   */
  support: string[]
  /** How each channel runs, by channel name: step timeout, browser, workers. */
  channels?: Record<string, ChannelConfig>
  /** Worker processes per channel, unless the channel sets `workers`. Default: fits the machine's cores. */
  parallel?: number
  /** Where reports go, relative to the config file. Default `reports`. */
  reports?: string
  /** What `parlance gate` requires: the channels a tag's scenarios must pass on. */
  gate?: GateConfig
  /** How `parlance lint` judges the specs: rules turned off, or made warnings or errors, and their options. */
  lint?: LintConfig
  /**
   * More names whose values are masked wherever a request, a URL or a
   * system's output is shown (logs, attachments, error messages, reports),
   * besides the defaults: headers `authorization`, `proxy-authorization`,
   * `cookie`, `set-cookie`, `x-api-key`; query parameters `token`,
   * `access_token`, `api_key`, `key`, `secret`, `password`, `sig`. Names are
   * case-insensitive, e.g. `{ headers: ['x-session'], queryParameters: ['otp'] }`.
   */
  secrets?: SecretsConfig
}

/**
 * Types `parlance.config.ts`: a domain may only name systems that are declared.
 *
 * @example
 *   declare const engine: SystemConfig
 *   export default defineConfig({ systems: { engine }, domains: { settlement: { features: ['specs/settlement'],
 *     channels: ['api'], systems: ['engine'] } }, support: ['specs/support/**\/*.ts'] })
 */
export function defineConfig<const S extends string = never>(config: ParlanceConfig<S>): ParlanceConfig<S> {
  return config
}

/**
 * The config file `parlance run` reads when `--config` is not given.
 *
 * @example
 *   import { resolve } from 'node:path'
 *   declare const options: { config?: string }
 *   resolve(process.cwd(), options.config ?? defaultConfigFile)
 *   defaultConfigFile // 'parlance.config.ts'
 */
export const defaultConfigFile = 'parlance.config.ts'

/**
 * In a system's `args`: a fresh directory made for the run and removed when
 * the system stops.
 *
 * @example
 *   args: ['main.ts', '--port', '0', '--data-dir', tempDirPlaceholder]
 */
export const tempDirPlaceholder = '{tempDir}'
