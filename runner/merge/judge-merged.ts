import type { DomainConfig } from '../config/config.ts'
import { runGate } from '../gate/index.ts'

/**
 * Gives the merged messages one gate verdict: `parlance gate` judges exactly
 * these files (not whatever else lies in `reportsDir`) and writes its reports
 * (JUnit, HTML, definition of done) to `reportsDir`. Resolves to the gate's
 * exit code: 0 green, 1 red, 2 could not judge. With the config's domains,
 * each domain's stories are shown on its own channels.
 *
 * @example
 *   process.exitCode = await judgeMerged(
 *     ['reports/shop/api/messages.ndjson'],
 *     'reports',
 *     { allowFlaky: false },
 *     console.log,
 *   )
 */
export async function judgeMerged(
  files: string[],
  reportsDir: string,
  options: { allowFlaky: boolean; domainConfigs?: Readonly<Record<string, DomainConfig>> },
  out: (line: string) => void,
): Promise<number> {
  out('')
  // The single call site of the gate in merge.
  return runGate({ inputs: files, reportsDir, ...options }, out)
}
