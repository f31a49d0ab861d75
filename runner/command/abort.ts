import { maskSecrets } from '../../drivers/core/mask-secrets.ts'
import { onOutputClosed, outputClosedExitCode } from './closed-output.ts'

/**
 * The exit code for each signal that ends a run: 128 + the signal number, as shells report it. SIGPIPE stands for
 * the reader of the output going away (`parlance run | head`): node ignores the signal itself and reports EPIPE.
 *
 * @example
 *   declare const signal: keyof typeof signalExitCodes
 *   signalExitCodes.SIGINT // 130
 *   process.exit(signalExitCodes[signal])
 */
export const signalExitCodes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129, SIGPIPE: outputClosedExitCode } as const

type AbortReason = { signal: keyof typeof signalExitCodes } | { crash: unknown }
type AbortHandlers = { cleanup: (reason: AbortReason) => Promise<void>; hardStop: () => void; deadlineMs?: number }

/**
 * The handle `onAbort` returns: whether an abort has begun (the abort then
 * owns the exit), and how to stop listening.
 *
 * @example
 *   declare const guard: AbortGuard
 *   if (!guard.aborting) guard.release() // once aborting, the abort handler stops everything and exits
 */
export interface AbortGuard {
  readonly aborting: boolean
  release(): void
}

/**
 * Until released, turns Ctrl-C, SIGTERM, SIGHUP, a
 * crash (uncaught exception, unhandled rejection) and the reader of the output going away (`parlance run | head`,
 * seen through `guardOutput`; the reason is then SIGPIPE) into `cleanup` followed by
 * exit: 130 on SIGINT, 143 on SIGTERM, 129 on SIGHUP, 1 on a crash (a crash while stopping
 * changes nothing: it is the fallout of killing the workers), 141 on closed output, silently. A second
 * signal, or a cleanup slower than `deadlineMs`, runs `hardStop` and exits at once.
 *
 * @example
 *   declare const systems: import('../systems/systems.ts').RunningSystems, runChannels: () => Promise<void>
 *   import { descendantPids } from './process-tree.ts'
 *   const guard = onAbort({
 *     cleanup: () => systems.stop(),
 *     hardStop: () => descendantPids(process.pid).forEach((pid) => process.kill(pid, 'SIGKILL')),
 *   })
 *   try {
 *     await runChannels()
 *   } finally {
 *     guard.release()
 *   }
 */
export function onAbort(handlers: AbortHandlers): AbortGuard {
  let aborting = false
  const abort = (reason: AbortReason): void => {
    if (aborting) {
      // Stopping kills cucumber's workers, and cucumber may throw about it: that is the abort's fallout, not
      // news, and must not turn Ctrl-C's 130 into a crash's 1; nor must output closed meanwhile. A second signal is
      // someone insisting.
      if ('crash' in reason || isClosedOutput(reason)) return
      stopAtOnce(reason, handlers)
    }
    aborting = true
    stopGracefully(reason, handlers)
  }
  const stopListening = listenForAborts(abort)
  return {
    get aborting() {
      return aborting
    },
    release() {
      stopListening()
    },
  }
}

// Signals and crashes call `abort`; returns how to stop listening.
function listenForAborts(abort: (reason: AbortReason) => void): () => void {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const
  const listeners = signals.map((signal) => [signal, () => abort({ signal })] as const)
  const onCrash = (crash: unknown, origin: string): void => {
    // While a step runs in this process, cucumber listens too and fails that step instead.
    if (process.listenerCount(origin === 'unhandledRejection' ? 'unhandledRejection' : 'uncaughtException') > 1) return
    abort({ crash })
  }
  for (const [name, listener] of listeners) process.on(name, listener)
  const onRejection = (reason: unknown): void => onCrash(reason, 'unhandledRejection')
  process.on('uncaughtException', onCrash)
  process.on('unhandledRejection', onRejection)
  const stopListeningForOutput = onOutputClosed(() => abort({ signal: 'SIGPIPE' }))
  return () => {
    stopListeningForOutput()
    for (const [name, listener] of listeners) process.off(name, listener)
    process.off('uncaughtException', onCrash)
    process.off('unhandledRejection', onRejection)
  }
}

// Runs the cleanup, then exits; past the deadline, stops at once.
function stopGracefully(reason: AbortReason, handlers: AbortHandlers): void {
  // Whoever closed the output has stopped reading: stopping is what they asked for, and needs no words.
  if (!isClosedOutput(reason)) {
    const what = 'signal' in reason ? `${reason.signal} received` : 'the runner crashed'
    process.stderr.write(`\nparlance: ${what}; stopping test workers and systems…\n`)
  }
  if ('crash' in reason) process.stderr.write(`${describe(reason.crash)}\n`)
  const timer = setTimeout(() => {
    process.stderr.write('parlance: cleanup took too long; killing what is left\n')
    stopAtOnce(reason, handlers)
  }, handlers.deadlineMs ?? 15_000)
  handlers
    .cleanup(reason)
    .catch((error: unknown) => process.stderr.write(`parlance: cleanup failed: ${describe(error)}\n`))
    .finally(() => {
      clearTimeout(timer)
      process.exit(exitCode(reason))
    })
}

function stopAtOnce(reason: AbortReason, handlers: AbortHandlers): never {
  handlers.hardStop()
  process.exit(exitCode(reason))
}

function isClosedOutput(reason: AbortReason): boolean {
  return 'signal' in reason && reason.signal === 'SIGPIPE'
}

function exitCode(reason: AbortReason): number {
  return 'signal' in reason ? signalExitCodes[reason.signal] : 1
}

function describe(error: unknown): string {
  return maskSecrets(error instanceof Error ? (error.stack ?? error.message) : String(error))
}
