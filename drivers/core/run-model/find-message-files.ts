import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigurationError } from '../errors/configuration-error.ts'

/**
 * What the gate writes next to the channels' messages; never read back as a channel's run.
 *
 * @example
 *   gateOutputFiles.includes('merged.ndjson') // true
 */
export const gateOutputFiles: readonly string[] = ['merged.ndjson']

/**
 * The message files to read: each input is a file, or a directory searched for
 * `*.ndjson` in it and two levels of subdirectories
 * (`reports/<domain>/<channel>/messages.ndjson`, `reports/<channel>/messages.ndjson`),
 * not deeper, so older runs kept further down (`reports/isolation/run-1/…`) are not mixed in.
 *
 * @example
 *   findMessageFiles([]) // ['reports/settlement/api/messages.ndjson', 'reports/settlement/ui/messages.ndjson']
 *   findMessageFiles(['/work/shared/cck']) // ['/work/shared/cck/ambiguous/ambiguous.ndjson', …]
 */
export function findMessageFiles(inputs: string[]): string[] {
  const files = (inputs.length > 0 ? inputs : ['reports']).flatMap((input) => {
    let stats
    try {
      stats = statSync(input)
    } catch {
      throw new ConfigurationError(
        `${input}: no such file or directory; pass message files (*.ndjson) or the directory they are in, e.g. reports`,
      )
    }
    return stats.isDirectory() ? ndjsonIn(input, 2) : [input]
  })
  return [...new Set(files)]
}

function ndjsonIn(directory: string, depth: number): string[] {
  const entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))
  return entries.flatMap((entry) => {
    const path = join(directory, entry.name)
    if (entry.isDirectory()) return depth > 0 ? ndjsonIn(path, depth - 1) : []
    return entry.name.endsWith('.ndjson') && !gateOutputFiles.includes(entry.name) ? [path] : []
  })
}
