// The workers module's public entry: `--workers N` in main.ts.
export { startWorkers } from './primary.ts'
export type { WorkerOptions, Workers } from './primary.ts'
export { runWorker } from './worker.ts'
