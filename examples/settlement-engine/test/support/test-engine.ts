import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SettlementEngine } from '../../src/engine/settlement-engine.ts'
import { startServer } from '../../src/http/server.ts'

/** An engine and its HTTP server in this process, on a fresh data directory. */
export interface TestEngine {
  url: string
  engine: SettlementEngine
  dataDir: string
  /** Stops the server and the engine; keeps the data directory. */
  stop(): Promise<void>
  /** Stops, then deletes the data directory. */
  dispose(): Promise<void>
}

/**
 * Starts the engine's real HTTP server on port 0 (no fsync: tests need not
 * survive a power cut), optionally on an existing data directory.
 *
 * @example
 *   const { url, dispose } = await startTestEngine()
 */
export async function startTestEngine(dataDir = mkdtempSync(join(tmpdir(), 'settlement-test-'))): Promise<TestEngine> {
  const engine = await SettlementEngine.open({ dataDir, sync: false })
  const server = await startServer(engine, { host: '127.0.0.1', port: 0, maxBodyBytes: 64 * 1024 })
  let stopped: Promise<void> | undefined
  const stop = (): Promise<void> => (stopped ??= server.close(1000).then(() => engine.close()))
  return {
    url: server.url,
    engine,
    dataDir,
    stop,
    dispose: async () => {
      await stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
