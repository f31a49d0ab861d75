import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { commands } from '../cli.ts'
import { shardVariables } from '../shard/shard-from-env.ts'

const bin = fileURLToPath(new URL('../bin/parlance.mjs', import.meta.url))
const mergeModule = fileURLToPath(new URL('./index.ts', import.meta.url))

/** Until runner/cli.ts lists `merge`, `parlance merge` calls mergeCommand the way the bin will. */
const nodeArgs = (args: string[]): string[] =>
  args[0] === 'merge' && !Object.hasOwn(commands, 'merge')
    ? [
        '--import',
        'tsx',
        '-e',
        `const { mergeCommand } = await import(${JSON.stringify(mergeModule)}); process.exitCode = await ` +
          `mergeCommand(${JSON.stringify(args.slice(1))})`,
      ]
    : [bin, ...args]

/**
 * Runs the real `parlance` CLI in `cwd` (a test helper), without colour and
 * without the shard variables (PARLANCE_SHARD, the CIs') unless `env` sets them.
 *
 * @example
 *   const { code, stdout } = await runParlance(['run', '--shard', '1/2'], '/tmp/parlance-fixture-x1')
 */
export function runParlance(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const environment: Record<string, string | undefined> = {
    ...process.env,
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    ...Object.fromEntries(shardVariables.map((name) => [name, undefined])),
    ...env,
  }
  for (const [name, value] of Object.entries(environment)) if (value === undefined) delete environment[name]
  const child = spawn(process.execPath, nodeArgs(args), { cwd, env: environment })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
  return new Promise((resolve) =>
    child.once('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    }),
  )
}
