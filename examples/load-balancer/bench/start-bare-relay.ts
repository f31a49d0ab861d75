// The bare relay (bare-relay.mjs) as a benchmark target: Node's HTTP stack
// proxying with nothing else, the floor the load balancer's CPU is read against.
import { fileURLToPath } from 'node:url'
import { startChild, type StartedChild } from './child-process.ts'
import { waitFor } from './wait-for.ts'

const relayFile = fileURLToPath(new URL('./bare-relay.mjs', import.meta.url))

/** A running bare relay. */
export interface RunningRelay {
  readonly url: string
  readonly child: StartedChild
}

/**
 * Starts the bare relay on a free port in front of `backends` (`host:port` each), round-robin.
 *
 * @example
 *   const relay = await startBareRelay(['127.0.0.1:40001', '127.0.0.1:40002'])
 *   relay.url // 'http://127.0.0.1:40123'
 *   await relay.child.stop()
 */
export async function startBareRelay(backends: readonly string[]): Promise<RunningRelay> {
  const child = startChild(process.execPath, [relayFile, '0', ...backends])
  try {
    const url = await waitFor(
      'the bare relay to print its address',
      async () => {
        if (child.process.exitCode !== null)
          throw new Error(`the bare relay exited with ${child.process.exitCode}: ${child.output()}`)
        return /listening on (http:\/\/\S+)/.exec(child.output())?.[1]
      },
      10_000,
    )
    return { url, child }
  } catch (error) {
    await child.stop(1_000)
    throw error
  }
}
