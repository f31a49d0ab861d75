const NUMBERS: Partial<Record<NodeJS.Signals, number>> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGUSR2: 12,
  SIGTERM: 15,
}

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

/**
 * Reads a signal as `docker kill --signal` takes it: `SIGKILL`, `KILL` or `9`; undefined if unknown.
 *
 * @example
 *   parseSignal('KILL') // 'SIGKILL'
 *   parseSignal('15') // 'SIGTERM'
 */
export function parseSignal(raw: string): NodeJS.Signals | undefined {
  const name = /^\d+$/.test(raw)
    ? Object.entries(NUMBERS).find(([, number]) => number === Number(raw))?.[0]
    : raw.toUpperCase().replace(/^(SIG)?/, 'SIG')
  return name !== undefined && Object.hasOwn(NUMBERS, name) ? (name as NodeJS.Signals) : undefined
}
