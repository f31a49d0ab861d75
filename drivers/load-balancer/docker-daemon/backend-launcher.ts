import { SystemCompromisedError } from '../../core/errors/system-compromised-error.ts'
import { isGroupAlive, signalGroup, waitUntil } from '../../core/process-group.ts'
import type { BackendCommand, BackendProcess } from './backend-process.ts'
import { spawnBackend } from './backend-process.ts'

/**
 * Starts backends and remembers the ones still coming up, so that close() kills
 * them too: a daemon told to stop during a container start leaves no process behind.
 *
 * @example
 *   import { DEFAULT_BACKEND } from './backend-process.ts'
 *   const launcher = new BackendLauncher(); const { backend } = await launcher.launch('web-1', DEFAULT_BACKEND)
 *   launcher.close() // kills backends still starting; later launches fail
 */
export class BackendLauncher {
  readonly #spawning = new Set<number>()
  #closed = false

  /**
   * Spawns the backend and returns once it runs; `listening` settles when it accepts connections, `listenDelayMs`
   * after the spawn at the earliest. Fails (killing it) if close() came first or meanwhile.
   */
  async launch(
    containerName: string,
    command: BackendCommand,
    listenDelayMs = 0,
    at: { host?: string; port?: number } = {},
  ): Promise<{ backend: BackendProcess; listening: Promise<void> }> {
    if (this.#closed) throw closedError(containerName)
    let spawnedPid: number | undefined
    try {
      const backend = await spawnBackend(containerName, command, {
        ...at,
        listenDelayMs,
        onSpawn: (pid) => {
          spawnedPid = pid
          // Spawned after close(): kill it now, as the owner may exit before this launch settles.
          if (this.#closed) signalGroup(pid, 'SIGKILL')
          else this.#spawning.add(pid)
        },
      })
      if (this.#closed) {
        backend.backend.signal('SIGKILL')
        throw closedError(containerName)
      }
      return backend
    } finally {
      if (spawnedPid !== undefined) this.#spawning.delete(spawnedPid)
    }
  }

  /** SIGKILLs every backend still starting and waits (up to 2s) until they are gone; no launch succeeds afterwards. */
  async close(): Promise<void> {
    this.#closed = true
    const starting = [...this.#spawning]
    for (const pid of starting) signalGroup(pid, 'SIGKILL')
    await waitUntil(() => starting.every((pid) => !isGroupAlive(pid)), 2000)
  }
}

function closedError(containerName: string): SystemCompromisedError {
  return new SystemCompromisedError(
    `docker daemon start: the daemon closed while container "${containerName}" was starting; its backend was killed`,
  )
}
