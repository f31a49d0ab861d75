// A child the benchmark started (the load balancer, nginx): its output tail, and a bounded stop.
import { spawn, type ChildProcess } from 'node:child_process'

/** A started child process with a bounded stop. */
export interface StartedChild {
  readonly process: ChildProcess
  readonly exited: Promise<void>
  /** The last 4 KB of stdout and stderr, for error messages. */
  output(): string
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>
}

/**
 * Spawns `command` with its output piped; `onOutput` sees everything it prints.
 *
 * @example
 *   const child = startChild('/usr/sbin/nginx', ['-p', '/tmp/bench-nginx', '-c', 'nginx.conf', '-g', 'daemon off;'])
 *   await child.stop()
 */
export function startChild(
  command: string,
  args: readonly string[],
  onOutput: (all: string) => void = () => {},
): StartedChild {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let all = ''
  const keep = (chunk: Buffer): void => {
    all = (all + chunk.toString()).slice(-4096)
    onOutput(all)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve())
    child.once('error', () => resolve())
  })
  return {
    process: child,
    exited,
    output: () => all,
    async stop(graceMs = 5_000) {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
      await exited
      clearTimeout(timer)
    },
  }
}
