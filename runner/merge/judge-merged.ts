import { runGate } from '../gate/index.ts'

/**
 * Gives the merged messages one gate verdict: `parlance gate` judges exactly
 * these files (not whatever else lies in `reportsDir`) and writes its reports
 * (JUnit, HTML, definition of done) to `reportsDir`. Resolves to the gate's
 * exit code: 0 green, 1 red, 2 could not judge.
 *
 * @example
 *   process.exitCode = await judgeMerged(
 *     ['reports/api/messages.ndjson'],
 *     'reports',
 *     { allowFlaky: false },
 *     console.log,
 *   )
 */
export async function judgeMerged(
  files: string[],
  reportsDir: string,
  options: { allowFlaky: boolean },
  out: (line: string) => void,
): Promise<number> {
  out('')
  // The single call site of the gate in merge.
  return runGate({ inputs: files, allowFlaky: options.allowFlaky, reportsDir }, out)
}
