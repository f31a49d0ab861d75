// The settlement engine's command line: serve the API (and UI) on a data
// directory, or ingest an NDJSON command file into one.
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { type EngineOptions, LOG_FILE, SettlementEngine } from './src/engine/settlement-engine.ts'
import { serverTimeouts, startServer } from './src/http/server.ts'
import { explainFileSystemError } from './src/log/file-system-failure.ts'
import { ingestFile } from './src/stream/ingest-file.ts'
import { handleUi } from './src/ui/index.ts'

const usage = `Usage: settlement-engine [options]            serve the HTTP API and web UI
       settlement-engine ingest FILE [options]  feed an NDJSON command file, print a summary

Options:
  --port N                   port to listen on; 0 picks a free one (default 8080)
  --host HOST                address to bind (default 127.0.0.1)
  --data-dir DIR             where the command log lives (default ./settlement-data)
  --max-body BYTES           largest JSON body the API reads (default 1048576)
  --header-timeout-ms MS     a request line and headers not all in within MS are
                             answered 408 and closed (default ${serverTimeouts.headerTimeoutMs})
  --body-idle-timeout-ms MS  a request body (POST /stream's too) that sends no
                             byte for MS is answered 408, or cut (default ${serverTimeouts.bodyIdleTimeoutMs})
  --body-timeout-ms MS       a JSON body not all in within MS is answered 408;
                             POST /stream is exempt (default ${serverTimeouts.bodyTimeoutMs})
  --idle-timeout-ms MS       a keep-alive connection with no request for MS is
                             closed (default ${serverTimeouts.idleTimeoutMs})
  --no-fsync                 do not fdatasync log writes: still safe from a killed
                             process, not from a power cut
  -h, --help                 show this help

Every accepted command is in DIR/commands.ndjson before it is answered; on
start the engine replays it. ingest exits 1 if any command was refused. The
API is described in docs/examples/settlement-api.md.`

/** A command-line mistake: reported with a pointer to --help, exit code 2. */
class UsageError extends Error {
  override name = 'UsageError'
}

interface Options {
  command: 'serve' | 'ingest'
  file?: string
  port: number
  host: string
  dataDir: string
  maxBodyBytes: number
  headerTimeoutMs: number
  bodyIdleTimeoutMs: number
  bodyTimeoutMs: number
  idleTimeoutMs: number
  sync: boolean
  help: boolean
}

function readOptions(args: string[]): Options {
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        'max-body': { type: 'string' },
        'header-timeout-ms': { type: 'string' },
        'body-idle-timeout-ms': { type: 'string' },
        'body-timeout-ms': { type: 'string' },
        'idle-timeout-ms': { type: 'string' },
        'no-fsync': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''))
  }
  const { values, positionals } = parsed
  const [command, ...rest] = positionals
  if (command !== undefined && command !== 'ingest')
    throw new UsageError(`unknown command "${command}"; the only command is "ingest FILE" (serving needs none)`)
  if (command === 'ingest' && rest.length !== 1)
    throw new UsageError(
      rest.length === 0
        ? 'ingest needs the FILE to feed, e.g. ingest weekend.ndjson'
        : `ingest takes one FILE, not ${rest.length}: ${rest.join(' ')}`,
    )
  if (command === 'ingest' && (values.port !== undefined || values.host !== undefined))
    throw new UsageError('ingest serves nothing, so --port and --host do not apply')
  type TimeoutOption = 'header-timeout-ms' | 'body-idle-timeout-ms' | 'body-timeout-ms' | 'idle-timeout-ms'
  const timeout = (option: TimeoutOption, fallback: number): number => {
    if (command === 'ingest' && values[option] !== undefined)
      throw new UsageError(`ingest serves nothing, so --${option} does not apply`)
    return wholeNumber(`--${option}`, values[option] ?? String(fallback), 1, DAY_MS)
  }
  // npm runs scripts from the package root; a relative path means the caller's directory.
  const base =
    process.env.npm_lifecycle_event === 'settlement-engine' ? (process.env.INIT_CWD ?? process.cwd()) : process.cwd()
  return {
    command: command === 'ingest' ? 'ingest' : 'serve',
    file: rest[0] === undefined ? undefined : resolve(base, rest[0]),
    port: wholeNumber('--port', values.port ?? '8080', 0, 65535),
    host: nonEmpty('--host', values.host ?? '127.0.0.1'),
    dataDir: resolve(base, nonEmpty('--data-dir', values['data-dir'] ?? 'settlement-data')),
    maxBodyBytes: wholeNumber('--max-body', values['max-body'] ?? '1048576', 1, 1 << 30),
    headerTimeoutMs: timeout('header-timeout-ms', serverTimeouts.headerTimeoutMs),
    bodyIdleTimeoutMs: timeout('body-idle-timeout-ms', serverTimeouts.bodyIdleTimeoutMs),
    bodyTimeoutMs: timeout('body-timeout-ms', serverTimeouts.bodyTimeoutMs),
    idleTimeoutMs: timeout('idle-timeout-ms', serverTimeouts.idleTimeoutMs),
    sync: values['no-fsync'] !== true,
    help: values.help === true,
  }
}

const DAY_MS = 86_400_000

function wholeNumber(option: string, text: string, min: number, max: number): number {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN
  if (!(value >= min && value <= max))
    throw new UsageError(`${option} "${text}" is not a whole number from ${min} to ${max}`)
  return value
}

function nonEmpty(option: string, text: string): string {
  if (text.trim() === '') throw new UsageError(`${option} needs a value`)
  return text
}

function say(line: string): void {
  process.stdout.write(`${line}\n`)
}

async function serve(options: Options): Promise<number> {
  // Listen for the signals before saying we are up, so one sent at once is not fatal.
  const stopSignal = new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'))
    process.once('SIGINT', () => resolve('SIGINT'))
  })
  const engine = await openEngine({
    dataDir: options.dataDir,
    sync: options.sync,
    onLogFailure: (error) => stopOnLogFailure(error, options.dataDir),
  })
  reportReplay(engine)
  let server
  try {
    server = await startServer(engine, {
      host: options.host,
      port: options.port,
      maxBodyBytes: options.maxBodyBytes,
      headerTimeoutMs: options.headerTimeoutMs,
      bodyIdleTimeoutMs: options.bodyIdleTimeoutMs,
      bodyTimeoutMs: options.bodyTimeoutMs,
      idleTimeoutMs: options.idleTimeoutMs,
      pages: handleUi,
      onError: (error) =>
        process.stderr.write(`settlement-engine: a request failed: ${(error as Error).stack ?? String(error)}\n`),
    })
  } catch (error) {
    await engine.close()
    throw error
  }
  say(`settlement engine listening on ${server.url}`)
  const signal = await stopSignal
  say(`${signal}: stopping — finishing requests in flight, then flushing the log`)
  process.once('SIGINT', () => process.exit(130))
  await server.close()
  await engine.close()
  say('settlement engine stopped')
  return 0
}

async function ingest(options: Options): Promise<number> {
  if (!existsSync(options.file!)) throw new Error(`there is no file ${options.file} to ingest`)
  const engine = await openEngine({ dataDir: options.dataDir, sync: options.sync })
  reportReplay(engine)
  try {
    const summary = await ingestFile(engine, options.file!)
    say(
      `ingested ${options.file}: ${summary.commands} commands, ${summary.accepted} accepted, ` +
        `${summary.refused} refused, ${summary.settlements} settlements, in ${summary.seconds.toFixed(1)} s`,
    )
    for (const refusal of summary.firstRefusals) say(`  command ${refusal.command} refused: ${refusal.outcome}`)
    if (summary.refused > summary.firstRefusals.length)
      say(`  … and ${summary.refused - summary.firstRefusals.length} more refused`)
    say(`log: ${options.dataDir}`)
    return summary.refused === 0 ? 0 : 1
  } catch (error) {
    throw explainLogError(error, options.dataDir)
  } finally {
    await engine.close()
  }
}

/** Opens the engine; a file the file system refuses is named, with the fix. */
async function openEngine(options: EngineOptions): Promise<SettlementEngine> {
  try {
    return await SettlementEngine.open(options)
  } catch (error) {
    // The lock explains its own failures; what else touches a file is the command log.
    throw explainLogError(error, options.dataDir)
  }
}

function explainLogError(error: unknown, dataDir: string): unknown {
  const path = (error as NodeJS.ErrnoException).path ?? join(dataDir, LOG_FILE)
  // Not the engine's own file: ingest's input, say, whose error already names it.
  if (dirname(path) !== dataDir) return error
  return explainFileSystemError(error, { what: 'the command log', path, directory: dataDir })
}

function stopOnLogFailure(error: Error, dataDir: string): void {
  const explained = explainLogError(error, dataDir) as Error
  process.stderr.write(`settlement-engine: ${explained.message}; stopping, so that a restart replays what is durable\n`)
  process.exit(1)
}

function reportReplay(engine: SettlementEngine): void {
  const { commands, droppedBytes, seconds, preChecksumCopy } = engine.replayed
  if (commands > 0) say(`replayed ${commands} commands from ${engine.options.dataDir} in ${seconds.toFixed(1)} s`)
  if (droppedBytes > 0)
    say(`dropped an unterminated last line of ${droppedBytes} bytes from the log (torn by a crash, never acknowledged)`)
  if (preChecksumCopy !== undefined)
    say(
      `the log was written before log lines had checksums: replayed it as plain JSON lines and rewrote it with a ` +
        `CRC-32 on every line; the original is kept as ${preChecksumCopy}`,
    )
}

async function main(args: string[]): Promise<number> {
  let options
  try {
    options = readOptions(args)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`settlement-engine: ${error.message}\nRun settlement-engine --help for the options.\n`)
    return 2
  }
  if (options.help) {
    say(usage)
    return 0
  }
  return options.command === 'ingest' ? ingest(options) : serve(options)
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`settlement-engine: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  },
)
