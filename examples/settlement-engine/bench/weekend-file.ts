import { createWriteStream, existsSync, renameSync, statSync } from 'node:fs'
import { once } from 'node:events'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { planWeekend, weekendCommands } from './weekend-commands.ts'

/**
 * Writes the weekend's commands to an NDJSON file (or reuses the one already
 * made for the same size and seed), so that generating them is not timed.
 *
 * @example
 *   const { path, bytes, reused } = await weekendFile({ bets: 6_200_000, seed: 2024 })
 */
export async function weekendFile(options: {
  bets: number
  seed: number
  dir?: string
}): Promise<{ path: string; bytes: number; reused: boolean }> {
  const path = join(options.dir ?? tmpdir(), `settlement-weekend-${options.bets}-${options.seed}.ndjson`)
  if (existsSync(path)) return { path, bytes: statSync(path).size, reused: true }
  const partial = `${path}.partial`
  const out = createWriteStream(partial)
  let chunk = ''
  for (const line of weekendCommands(planWeekend(options))) {
    chunk += line + '\n'
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain')
      chunk = ''
    }
  }
  out.end(chunk)
  await once(out, 'finish')
  renameSync(partial, path)
  return { path, bytes: statSync(path).size, reused: false }
}
