type OutputName = 'stdout' | 'stderr'
type Listener = (name: OutputName) => void

/**
 * The exit code of a command that stopped because its output was closed: 128 + SIGPIPE (13), what a shell
 * reports for a writer a closed pipe ended (`set -o pipefail; git log | head -1` fails with 141).
 *
 * @example
 *   process.exitCode = outputClosedExitCode // 141
 */
export const outputClosedExitCode = 141

// The process has one stdout and one stderr: whether each was closed is the process's, not a command's.
const closed = new Set<OutputName>()
const listeners = new Set<Listener>()
const guarded = new WeakSet<NodeJS.WriteStream>()

/**
 * Makes the process end quietly when the reader of its stdout or stderr goes away early (`parlance gate | head`):
 * the EPIPE that would crash it with a stack trace is taken as "nobody reads any more", later writes to that stream
 * are dropped, and the listeners of {@link onOutputClosed} hear of it. Any other error of the stream is still thrown.
 * Idempotent.
 *
 * @example
 *   guardOutput()
 *   process.stdout.write('a line nobody may read\n') // never an unhandled 'error' event
 */
export function guardOutput(): void {
  for (const [name, stream] of [
    ['stdout', process.stdout],
    ['stderr', process.stderr],
  ] as const) {
    if (guarded.has(stream)) continue
    guarded.add(stream)
    stream.on('error', (error: NodeJS.ErrnoException) => {
      // ERR_STREAM_DESTROYED: a write queued before the EPIPE was noticed; the stream is gone all the same.
      if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error
      if (closed.has(name)) return
      closed.add(name)
      dropWrites(stream)
      for (const listener of [...listeners]) listener(name)
    })
  }
}

/**
 * Calls `listener` once the reader of stdout or stderr has gone (needs {@link guardOutput}) — soon after, if it has
 * gone already; returns how to stop listening.
 *
 * @example
 *   const stopListening = onOutputClosed((name) => process.stderr.write(`${name} closed\n`))
 *   stopListening()
 */
export function onOutputClosed(listener: (name: 'stdout' | 'stderr') => void): () => void {
  listeners.add(listener)
  const [already] = closed
  // A command that starts listening late (a run sets up its guard after loading its config) still hears of it.
  if (already)
    process.nextTick(() => {
      if (listeners.has(listener)) listener(already)
    })
  return () => void listeners.delete(listener)
}

/**
 * Whether the reader of `name` has gone (as far as {@link guardOutput} has seen).
 *
 * @example
 *   if (!isOutputClosed('stdout')) process.stdout.write('Gate: GREEN\n')
 */
export function isOutputClosed(name: 'stdout' | 'stderr'): boolean {
  return closed.has(name)
}

function dropWrites(stream: NodeJS.WriteStream): void {
  stream.write = ((_chunk: unknown, encoding?: unknown, callback?: unknown): boolean => {
    const done = typeof encoding === 'function' ? encoding : callback
    if (typeof done === 'function') process.nextTick(done as () => void)
    return true
  }) as NodeJS.WriteStream['write']
}
