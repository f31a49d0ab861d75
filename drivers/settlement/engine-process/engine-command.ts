import { fileURLToPath } from 'node:url'
import { ConfigurationError } from '../../core/errors/configuration-error.ts'
import type { ProcessSpec } from '../../core/process-spec.ts'

/**
 * The variable that names another settlement engine program, as a JSON array
 * (the program, then its first arguments), for a deployment that ships the
 * engine elsewhere. `--port` and `--data-dir` are appended.
 *
 * @example
 *   process.env[engineCommandEnvName] = '["/opt/settlement/bin/engine"]'
 *   engineCommandEnvName // 'SETTLEMENT_ENGINE_COMMAND'
 */
export const engineCommandEnvName = 'SETTLEMENT_ENGINE_COMMAND'

/**
 * The repository root, where `--import tsx` resolves and the engine's source is. A path, not an import.
 *
 * @example
 *   import { join } from 'node:path'
 *   join(repoRoot, 'examples/settlement-engine/main.ts')
 *   repoRoot // '/work/parlance'
 */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

const engineMain = fileURLToPath(new URL('../../../examples/settlement-engine/main.ts', import.meta.url))

/**
 * The line the engine prints once it listens; its capture group is its address.
 *
 * @example
 *   const ready = { log: engineReadyLine }
 *   engineReadyLine.exec('settlement engine listening on http://127.0.0.1:40123')?.[1] // 'http://127.0.0.1:40123'
 */
export const engineReadyLine = /settlement engine listening on (http:\/\/\S+)/

/**
 * The program and first arguments that start a settlement engine: the
 * repository's engine under tsx, or what `SETTLEMENT_ENGINE_COMMAND` says.
 *
 * @example
 *   engineCommand({}) // [process.execPath, '--import', 'tsx', '/work/parlance/examples/settlement-engine/main.ts']
 *   engineCommand({ SETTLEMENT_ENGINE_COMMAND: '["engine", "--no-fsync"]' }) // ['engine', '--no-fsync']
 */
export function engineCommand(env: Readonly<Record<string, string | undefined>>): [string, ...string[]] {
  const text = env[engineCommandEnvName]
  if (text === undefined || text.trim() === '') return [process.execPath, '--import', 'tsx', engineMain]
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw badCommand(text, `it is not JSON (${(error as Error).message})`, error)
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length === 0 ||
    !parsed.every((part) => typeof part === 'string' && part !== '')
  ) {
    throw badCommand(text, 'it is not a list of non-empty strings')
  }
  return parsed as [string, ...string[]]
}

/**
 * How to run one settlement engine on `dataDir` and `port` (0: a free one),
 * ready when it prints its address.
 *
 * @example
 *   import { superviseProcess } from '../../core/process-supervisor.ts'
 *   const engine = superviseProcess(
 *     engineProcessSpec({ name: 'settlement-engine', port: 0, dataDir: '/tmp/settlement-data' }),
 *   )
 *   const { address } = await engine.start() // 'http://127.0.0.1:40123'
 */
export function engineProcessSpec(options: {
  name: string
  port: number
  dataDir: string
  env?: Readonly<Record<string, string | undefined>>
}): ProcessSpec {
  const [command, ...args] = engineCommand(options.env ?? process.env)
  return {
    name: options.name,
    command,
    args: [...args, '--port', String(options.port), '--data-dir', options.dataDir],
    cwd: repoRoot,
    ready: { log: engineReadyLine },
    // A cold tsx start on a loaded CI machine takes seconds; the engine replays its log before listening.
    readyTimeoutMs: 30_000,
  }
}

function badCommand(text: string, why: string, cause?: unknown): ConfigurationError {
  return new ConfigurationError(
    `${engineCommandEnvName} is ${JSON.stringify(text)}, but ${why}. Give the engine's program and first ` +
      `arguments as a JSON array, ` +
      `e.g. ${engineCommandEnvName}='["/opt/settlement/bin/engine"]' (--port and --data-dir are added), or ` +
      `unset it to run examples/settlement-engine.`,
    { cause },
  )
}
