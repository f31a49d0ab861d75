import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** This tree's engine entry point: `main.ts` beside the bench. */
export const ENGINE_MAIN = fileURLToPath(new URL('../main.ts', import.meta.url))

/**
 * The engine under benchmark: its own process, as in production.
 *
 * @example
 *   const engine = await startEngine('/tmp/bench-engine')
 *   engine.url // 'http://127.0.0.1:40123'
 */
export interface RunningEngine {
  url: string
  pid: number
  stop(): Promise<void>
}

/**
 * Starts the engine at `mainFile` (this tree's, or a baseline tree's) on
 * `dataDir`, with `nodeArgs` (e.g. `--cpu-prof`) before the script.
 *
 * @example
 *   const engine = await startEngine('/tmp/bench-engine')
 *   await engine.stop()
 */
export async function startEngine(
  dataDir: string,
  options: { mainFile?: string; nodeArgs?: string[]; timeoutMs?: number } = {},
): Promise<RunningEngine> {
  const { mainFile = ENGINE_MAIN, nodeArgs = [], timeoutMs = 60_000 } = options
  const args = [...nodeArgs, '--import', 'tsx', mainFile, '--port', '0', '--data-dir', dataDir]
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => fail(`not ready within ${timeoutMs / 1000} s`), timeoutMs)
    const fail = (why: string): void => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(new Error(`the settlement engine did not start: ${why}\n${output.split('\n').slice(-10).join('\n')}`))
    }
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code, signal) => fail(`it exited (${signal ?? code})`))
  })
  return { url, pid: child.pid!, stop: () => stopChild(child, exited) }
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
  await exited
  clearTimeout(timer)
}
