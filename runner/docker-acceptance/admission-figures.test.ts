import { expect, test } from 'vitest'
import { type AdmissionFigures, admissionFigures, summarizeAdmission } from './admission-figures.ts'
import { admissionMet, renderAdmissionRun, renderAdmissionSummary } from './admission-report.ts'

const polls = [
  { sentAt: 1100, answeredAt: 1101, status: 404 },
  { sentAt: 1125, answeredAt: 1127, status: 503 },
  { sentAt: 1130.5, answeredAt: 1132, status: 503 },
  { sentAt: 1135, answeredAt: 1136, status: 0 },
  { sentAt: 1140, answeredAt: 1148.25, status: 200 },
  { sentAt: 1150, answeredAt: 1151, status: 503 },
  { sentAt: 1155, answeredAt: 1156, status: 200 },
]

test('a service: listening after start, first 200 after listening, 503s sent once it listened', () => {
  expect(admissionFigures({ service: 'svc-1', startedAt: 1000, listenedAt: 1130.25, polls })).toEqual({
    service: 'svc-1',
    listenAfterStartMs: 130.25,
    firstOkAfterListenMs: 18,
    unavailableAfterListen: 2,
    statuses: { 0: 1, 200: 2, 404: 1, 503: 3 },
  })
})

test('a service whose app never said it listens has neither time, and no 503 counts against it', () => {
  expect(admissionFigures({ service: 'svc-2', startedAt: 1000, listenedAt: undefined, polls })).toEqual({
    service: 'svc-2',
    listenAfterStartMs: undefined,
    firstOkAfterListenMs: undefined,
    unavailableAfterListen: 0,
    statuses: { 0: 1, 200: 2, 404: 1, 503: 3 },
  })
})

const run = (service: string, firstOkAfterListenMs: number | undefined, unavailable = 0): AdmissionFigures => ({
  service,
  listenAfterStartMs: 130,
  firstOkAfterListenMs,
  unavailableAfterListen: unavailable,
  statuses: { 200: 1 },
})

test('the median of an odd count is the middle one; services without a 200 are left out of it', () => {
  expect(summarizeAdmission([run('a', 40), run('b', 12), run('c', undefined, 1), run('d', 25)])).toEqual({
    runs: 4,
    admitted: 3,
    firstOkAfterListenMs: { median: 25, max: 40 },
    unavailableAfterListen: 1,
  })
})

test('the median of an even count is the mean of the middle two', () => {
  expect(summarizeAdmission([run('a', 30), run('b', 18), run('c', 12), run('d', 301)])).toEqual({
    runs: 4,
    admitted: 4,
    firstOkAfterListenMs: { median: 24, max: 301 },
    unavailableAfterListen: 0,
  })
})

test('no service answered: no times', () => {
  expect(summarizeAdmission([run('a', undefined)])).toEqual({
    runs: 1,
    admitted: 0,
    firstOkAfterListenMs: undefined,
    unavailableAfterListen: 0,
  })
})

test('met only if every service answered within the limit and none answered 503 after listening', () => {
  expect(admissionMet(summarizeAdmission([run('a', 300), run('b', 12)]), 300)).toBe(true)
  expect(admissionMet(summarizeAdmission([run('a', 300.5), run('b', 12)]), 300)).toBe(false)
  expect(admissionMet(summarizeAdmission([run('a', 30), run('b', 12, 1)]), 300)).toBe(false)
  expect(admissionMet(summarizeAdmission([run('a', 30), run('b', undefined)]), 300)).toBe(false)
  expect(admissionMet(summarizeAdmission([]), 300)).toBe(false)
})

test('the lines it prints', () => {
  const figures = admissionFigures({ service: 'svc-1', startedAt: 1000, listenedAt: 1130.25, polls })
  expect(renderAdmissionRun(figures)).toBe(
    'svc-1: listened 130.3 ms after start returned; first 200 18.0 ms after listening; 503s after listening: 2; ' +
      'answers no answer×1 200×2 404×1 503×3',
  )
  expect(renderAdmissionRun(run('svc-2', undefined))).toBe(
    'svc-2: listened 130.0 ms after start returned; no 200; 503s after listening: 0; answers 200×1',
  )
  const summary = summarizeAdmission([figures, run('svc-2', 30)])
  const setting = {
    docker: { Version: '20.10.24+dfsg1', ApiVersion: '1.41' },
    pollMs: 5,
    limitMs: 300,
    cpus: 2,
    loadBefore: [1.5, 1.25, 1],
    loadAfter: [2.125, 1.5, 1.25],
  }
  expect(renderAdmissionSummary(summary, setting)).toEqual([
    'first 200 after listening (polled every 5 ms): median 24.0 ms, max 30.0 ms (2 of 2 services answered)',
    '503s after listening: 2',
    'within 300 ms and no 503 after listening: NO',
    'Docker 20.10.24+dfsg1, API 1.41; 2 CPUs, load average 1.50 1.25 1.00 before, 2.13 1.50 1.25 after',
  ])
})
