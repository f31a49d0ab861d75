const NUMBERS: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGUSR1: 10, SIGUSR2: 12, SIGTERM: 15 }

/**
 * The Linux number of a signal, as Docker puts it in `kill` events and exit codes (128 + n).
 *
 * @example
 *   signalNumber('SIGKILL') // 9
 *   128 + signalNumber('SIGTERM') // 143
 */
export function signalNumber(signal: NodeJS.Signals): number {
  return NUMBERS[signal] ?? 0
}
