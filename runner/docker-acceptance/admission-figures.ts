/**
 * One request the benchmark sent through the load balancer: when it was
 * sent, when its answer came (unix ms), and its status (0: no answer).
 *
 * @example
 *   const poll: Poll = { sentAt: 1000, answeredAt: 1002, status: 404 }
 */
export interface Poll {
  sentAt: number
  answeredAt: number
  status: number
}

/**
 * What was seen of one new single-replica service: when `start` returned,
 * when its app listened (undefined if it never said so), and every poll of its Host.
 *
 * @example
 *   const seen: AdmissionObservation = { service: 'svc-1', startedAt: 1000, listenedAt: 1130, polls: [] }
 */
export interface AdmissionObservation {
  service: string
  startedAt: number
  listenedAt: number | undefined
  polls: readonly Poll[]
}

/**
 * One service's figures: how long after `start` returned its app listened,
 * how long after that the first 200 came back through the load balancer,
 * how many requests sent once it listened were answered 503, and how many answers had each status.
 *
 * @example
 *   const figures: AdmissionFigures = {
 *     service: 'svc-1',
 *     listenAfterStartMs: 130,
 *     firstOkAfterListenMs: 18,
 *     unavailableAfterListen: 0,
 *     statuses: { 200: 3, 404: 27 },
 *   }
 */
export interface AdmissionFigures {
  service: string
  listenAfterStartMs: number | undefined
  firstOkAfterListenMs: number | undefined
  unavailableAfterListen: number
  statuses: Record<number, number>
}

/**
 * The figures of one service. The first 200 counts from when its answer
 * came (an upper bound: the request reached the app up to a round trip
 * earlier); a 503 counts against the service if its request was sent at or after the app listened.
 *
 * @example
 *   admissionFigures({
 *     service: 'svc-1',
 *     startedAt: 1000,
 *     listenedAt: 1130,
 *     polls: [
 *       { sentAt: 1125, answeredAt: 1126, status: 404 },
 *       { sentAt: 1145, answeredAt: 1148, status: 200 },
 *     ],
 *   })
 *   // → { service: 'svc-1', listenAfterStartMs: 130, firstOkAfterListenMs: 18, unavailableAfterListen: 0, … }
 */
export function admissionFigures(seen: AdmissionObservation): AdmissionFigures {
  const { listenedAt, polls } = seen
  const firstOk = polls.find((poll) => poll.status === 200)
  const statuses: Record<number, number> = {}
  for (const { status } of polls) statuses[status] = (statuses[status] ?? 0) + 1
  return {
    service: seen.service,
    listenAfterStartMs: listenedAt === undefined ? undefined : listenedAt - seen.startedAt,
    firstOkAfterListenMs:
      listenedAt === undefined || firstOk === undefined ? undefined : firstOk.answeredAt - listenedAt,
    unavailableAfterListen:
      listenedAt === undefined ? 0 : polls.filter((poll) => poll.status === 503 && poll.sentAt >= listenedAt).length,
    statuses,
  }
}

/**
 * All services together: how many ran, how many listened and got a 200,
 * the median and the largest time from listening to the first 200, and the 503s after listening.
 *
 * @example
 *   const summary: AdmissionSummary = {
 *     runs: 20,
 *     admitted: 20,
 *     firstOkAfterListenMs: { median: 21, max: 38 },
 *     unavailableAfterListen: 0,
 *   }
 */
export interface AdmissionSummary {
  runs: number
  /** Services whose app said it listens and that answered 200 through the load balancer. */
  admitted: number
  firstOkAfterListenMs: { median: number; max: number } | undefined
  unavailableAfterListen: number
}

/**
 * Sums up the services' figures; the median of an even count is the mean of the middle two.
 *
 * @example
 *   declare const a: AdmissionFigures, b: AdmissionFigures // 18 ms and 30 ms, no 503
 *   summarizeAdmission([a, b])
 *   // → { runs: 2, admitted: 2, firstOkAfterListenMs: { median: 24, max: 30 }, unavailableAfterListen: 0 }
 */
export function summarizeAdmission(figures: readonly AdmissionFigures[]): AdmissionSummary {
  const times = figures
    .map((run) => run.firstOkAfterListenMs)
    .filter((ms): ms is number => ms !== undefined)
    .sort((a, b) => a - b)
  const middle = Math.floor(times.length / 2)
  const median = times.length % 2 === 1 ? times[middle]! : (times[middle - 1]! + times[middle]!) / 2
  return {
    runs: figures.length,
    admitted: times.length,
    firstOkAfterListenMs: times.length === 0 ? undefined : { median, max: times.at(-1)! },
    unavailableAfterListen: figures.reduce((sum, run) => sum + run.unavailableAfterListen, 0),
  }
}
