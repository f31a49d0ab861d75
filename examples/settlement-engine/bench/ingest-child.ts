import { spawn } from 'node:child_process'
import { peakRss } from './peak-rss.ts'
import { ENGINE_MAIN } from './start-engine.ts'

/**
 * What `settlement-engine ingest FILE` said and used: its own timing of the
 * ingest (start-up excluded), the peak RSS seen while it ran.
 *
 * @example
 *   const run: IngestRun = { seconds: 9.4, rssBytes: 700 * 1024 ** 2, summary: 'ingested …' }
 */
export interface IngestRun {
  seconds: number
  rssBytes: number | undefined
  summary: string
}

/**
 * Runs the offline `ingest` of a command file into an empty data directory,
 * in its own process as in production, watching its peak RSS.
 *
 * @example
 *   const run = await ingestInChild('/tmp/weekend.ndjson', '/tmp/bench-ingest')
 *   run.seconds // 9.4
 */
export function ingestInChild(
  file: string,
  dataDir: string,
  options: { mainFile?: string; nodeArgs?: string[] } = {},
): Promise<IngestRun> {
  const { mainFile = ENGINE_MAIN, nodeArgs = [] } = options
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', mainFile, 'ingest', file, '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  let rssBytes: number | undefined
  const watch = (): void => {
    rssBytes = peakRss(child.pid!) ?? rssBytes
  }
  const timer = setInterval(watch, 100)
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    watch()
  })
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise((resolve, reject) => {
    child.once('exit', (code, signal) => {
      clearInterval(timer)
      const summary = output.split('\n').find((line) => line.startsWith('ingested ')) ?? ''
      const seconds = /in ([\d.]+) s$/.exec(summary)
      if (code !== 0 || seconds === null)
        reject(new Error(`ingest ${file} failed (${signal ?? code}):\n${output.split('\n').slice(-10).join('\n')}`))
      else resolve({ seconds: Number(seconds[1]), rssBytes, summary })
    })
  })
}
