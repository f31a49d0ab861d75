import { fileURLToPath } from 'node:url'
import { lintCommand } from './lint-command.ts'

/**
 * The repository root: lint tests run there, so findings name files as
 * `runner/lint/fixtures/…`.
 *
 * @example
 *   await lintCommand(['specs'], { cwd: repoRoot })
 */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Runs `parlance lint ARGS` in-process, in `cwd`, and returns its exit code
 * and what it printed.
 *
 * @example
 *   const { code, stdout } = await runLint(['runner/lint/fixtures/rules/ui-words.feature'])
 */
export async function runLint(
  args: string[],
  cwd = repoRoot,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await lintCommand(args, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) })
  return { code, stdout, stderr }
}
