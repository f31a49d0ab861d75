import type { AdmissionFigures, AdmissionSummary } from './admission-figures.ts'

/**
 * Where the figures were taken: the daemon's version, the poll interval, the
 * limit a first request must meet, and the machine's load average (1, 5, 15 min) before and after.
 *
 * @example
 *   const setting: AdmissionSetting = {
 *     docker: { Version: '20.10.24+dfsg1', ApiVersion: '1.41' },
 *     pollMs: 5,
 *     limitMs: 300,
 *     cpus: 2,
 *     loadBefore: [1.5, 1.25, 1],
 *     loadAfter: [2, 1.5, 1.25],
 *   }
 */
export interface AdmissionSetting {
  docker: { Version: string; ApiVersion: string }
  pollMs: number
  limitMs: number
  cpus: number
  loadBefore: readonly number[]
  loadAfter: readonly number[]
}

/**
 * Whether the services met issue 14's item 1: each answered within the
 * limit of its app listening, and none answered 503 once it listened.
 *
 * @example
 *   declare const summary: AdmissionSummary
 *   if (!admissionMet(summary, 300)) process.exitCode = 1
 */
export function admissionMet(summary: AdmissionSummary, limitMs: number): boolean {
  const within = summary.firstOkAfterListenMs !== undefined && summary.firstOkAfterListenMs.max <= limitMs
  return summary.runs > 0 && summary.admitted === summary.runs && within && summary.unavailableAfterListen === 0
}

/**
 * One service's line.
 *
 * @example
 *   renderAdmissionRun({
 *     service: 'svc-1',
 *     listenAfterStartMs: 130,
 *     firstOkAfterListenMs: 18.25,
 *     unavailableAfterListen: 0,
 *     statuses: { 200: 3, 404: 27 },
 *   })
 *   // → 'svc-1: listened 130.0 ms after start returned; first 200 18.3 ms after listening; …'
 */
export function renderAdmissionRun(run: AdmissionFigures): string {
  const answers = Object.entries(run.statuses)
    .map(([status, count]) => `${status === '0' ? 'no answer' : status}×${count}`)
    .join(' ')
  return (
    `${run.service}: ` +
    (run.listenAfterStartMs === undefined
      ? 'its app never said it listens; '
      : `listened ${ms(run.listenAfterStartMs)} after start returned; `) +
    (run.firstOkAfterListenMs === undefined
      ? 'no 200; '
      : `first 200 ${ms(run.firstOkAfterListenMs)} after listening; `) +
    `503s after listening: ${run.unavailableAfterListen}; answers ${answers || 'none'}`
  )
}

/**
 * The summary's lines: the first request after listening (median, max), the
 * 503s, the verdict against the limit, the Docker version and the load.
 *
 * @example
 *   declare const summary: AdmissionSummary, setting: AdmissionSetting
 *   for (const line of renderAdmissionSummary(summary, setting)) console.log(line)
 */
export function renderAdmissionSummary(summary: AdmissionSummary, setting: AdmissionSetting): string[] {
  const first = summary.firstOkAfterListenMs
  const load = (averages: readonly number[]): string => averages.map((value) => value.toFixed(2)).join(' ')
  return [
    `first 200 after listening (polled every ${setting.pollMs} ms): ` +
      (first === undefined ? 'none' : `median ${ms(first.median)}, max ${ms(first.max)}`) +
      ` (${summary.admitted} of ${summary.runs} services answered)`,
    `503s after listening: ${summary.unavailableAfterListen}`,
    `within ${setting.limitMs} ms and no 503 after listening: ` +
      (admissionMet(summary, setting.limitMs) ? 'yes' : 'NO'),
    `Docker ${setting.docker.Version}, API ${setting.docker.ApiVersion}; ${setting.cpus} CPUs, ` +
      `load average ${load(setting.loadBefore)} before, ${load(setting.loadAfter)} after`,
  ]
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`
}
