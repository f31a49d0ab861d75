import { ConfigurationError } from './errors/configuration-error.ts'
import { maskSecrets } from './mask-secrets.ts'
import type { ExitInfo, ProcessSpec } from './process-spec.ts'
import { describeReadiness, type ReadinessProgress } from './wait-for-ready.ts'

/**
 * How a process ended, as a message says it.
 *
 * @example
 *   describeExit({ code: 3, signal: null }) // 'exited with code 3'
 *   describeExit({ code: null, signal: 'SIGKILL' }) // 'was killed by SIGKILL'
 */
export function describeExit(exit: ExitInfo): string {
  if (exit.code !== null) return `exited with code ${exit.code}`
  return exit.signal ? `was killed by ${exit.signal}` : 'exited'
}

/**
 * The message for a process that did not become ready: which process, what
 * happened, what readiness waited for, and its last lines of output, with
 * the secrets in all of it masked ({@link maskSecrets}).
 *
 * @example
 *   const spec: ProcessSpec = { name: 'engine', command: 'node', args: ['engine.mjs'] }
 *   describeNotReady(spec, 'exited with code 3 before it was ready', {}, ['[stderr] Error: port in use'])
 *   // → 'Process "engine" (node engine.mjs) exited with code 3 before it was ready (waiting for …). ' +
 *   //   'Its last 1 line of output:\n  [stderr] Error: port in use'
 */
export function describeNotReady(
  spec: ProcessSpec,
  what: string,
  progress: ReadinessProgress,
  lines: string[],
): string {
  const commandLine = [spec.command, ...(spec.args ?? [])].join(' ')
  const waitingFor =
    describeReadiness(spec.ready, progress.address) + (progress.lastAnswer ? `; last: ${progress.lastAnswer}` : '')
  const timedOut = what.startsWith('was not ready')
  const advice = timedOut
    ? ', so it was stopped. If it is just slow, raise readyTimeoutMs; otherwise check the ready pattern against ' +
      'its output'
    : ''
  const output =
    lines.length === 0
      ? 'It wrote no output.'
      : `Its last ${lines.length} line${lines.length === 1 ? '' : 's'} of ` +
        `output:\n${lines.map((line) => `  ${line}`).join('\n')}`
  return maskSecrets(`Process "${spec.name}" (${commandLine}) ${what} (waiting for ${waitingFor})${advice}. ${output}`)
}

/**
 * Checks a spec before anything is started; a mistake is a ConfigurationError naming the field.
 *
 * @example
 *   validateSpec({ name: 'engine', command: 'node', ready: { url: '{address}/health' } })
 *   // throws: ready.url uses {address}, but there is no ready.log to capture it
 */
export function validateSpec(spec: ProcessSpec): void {
  const problem = (message: string): never => {
    throw new ConfigurationError(`superviseProcess: ${JSON.stringify(spec.name ?? '')}: ${message}`)
  }
  if (!spec.name) problem('give the process a name; error messages and reports use it')
  if (!spec.command) problem('command is empty; give the program to run, e.g. "node"')
  for (const field of ['readyTimeoutMs', 'stopTimeoutMs', 'logLines'] as const) {
    const value = spec[field]
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0))
      problem(
        `${field} is ${String(value)}; give a whole number of ` +
          `${field === 'logLines' ? 'lines' : 'milliseconds'}, 0 or more`,
      )
  }
  const { log, url } = spec.ready ?? {}
  if (url?.includes('{address}')) {
    if (!log)
      problem(
        `ready.url "${url}" uses {address}, but there is no ready.log to capture it; add e.g. ready.log: ` +
          `/listening on (http:\\S+)/`,
      )
    else if (captureGroups(log) === 0)
      problem(
        `ready.url "${url}" uses {address}, but ready.log ${String(log)} has no capture group; capture the ` +
          `address, e.g. /listening on (http:\\S+)/`,
      )
  }
}

function captureGroups(pattern: RegExp): number {
  // An empty alternative makes any pattern match '', so exec() reports every group.
  return (new RegExp(`${pattern.source}|`).exec('')?.length ?? 1) - 1
}
