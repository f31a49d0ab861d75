import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach } from 'vitest'

/** The repository root: tsx is resolved from here. */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))
const mainFile = fileURLToPath(new URL('../../main.ts', import.meta.url))
const running = new Set<ChildProcess>()

/** How a process ended. */
export interface Exit {
  code: number | null
  signal: NodeJS.Signals | null
}

/** The real settlement-engine program, started by a test. */
export interface EngineProcess {
  url: string
  pid: number
  /** Everything it printed so far (stdout and stderr). */
  output(): string
  /** Resolves when it has exited. */
  exited: Promise<Exit>
  /** Sends a signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<Exit>
}

/**
 * Starts `main.ts` (as `npm run settlement-engine` does) on port 0 and waits
 * for its "listening on" line.
 *
 * @example
 *   const engine = await startEngineProcess('/tmp/engine-data')
 *   await fetch(`${engine.url}/health`)
 */
export async function startEngineProcess(
  dataDir: string,
  args: string[] = [],
  timeoutMs = 20_000,
): Promise<EngineProcess> {
  const child = spawnMain(['--port', '0', '--data-dir', dataDir, ...args])
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = exitOf(child)
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the engine did not start within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    )
    const check = (): void => {
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    }
    child.stdout!.on('data', check)
    void exited.then((exit) => {
      clearTimeout(timer)
      reject(new Error(`the engine exited (${exit.signal ?? exit.code}) before listening:\n${output}`))
    })
  })
  return {
    url,
    pid: child.pid!,
    output: () => output,
    exited,
    stop: (signal = 'SIGTERM') => {
      child.kill(signal)
      return exited
    },
  }
}

/**
 * Runs `main.ts` with arguments to completion, e.g. `--help` or `ingest`.
 *
 * @example
 *   const { code, stdout } = await runMain(['--help'])
 */
export async function runMain(
  args: string[],
  timeoutMs = 30_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnMain(args)
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  const exit = await exitOf(child)
  clearTimeout(timer)
  return { code: exit.code, stdout, stderr }
}

/**
 * A fresh data directory for each test of the file, named `<prefix>…` in the temp folder; after each test, every
 * engine it left running is killed and the directory removed. Returns the current test's directory.
 *
 * @example
 *   const dataDir = dataDirEachTest('settlement-cli-')
 *   // in a test: await startEngineProcess(dataDir())
 */
export function dataDirEachTest(prefix: string): () => string {
  let dir: string | undefined
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix))
  })
  afterEach(async () => {
    await killAll()
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
  })
  return () => {
    if (dir === undefined) throw new Error('dataDirEachTest: the directory exists only inside a test')
    return dir
  }
}

/** Kills every engine a test left running; call it in afterEach. */
export async function killAll(): Promise<void> {
  const children = [...running]
  for (const child of children) child.kill('SIGKILL')
  await Promise.all(children.map(exitOf))
}

function spawnMain(args: string[]): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', mainFile, ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  child.once('exit', () => running.delete(child))
  return child
}

function exitOf(child: ChildProcess): Promise<Exit> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode })
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
}
