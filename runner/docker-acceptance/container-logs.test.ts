import { expect, test } from 'vitest'
import { listenedAt, logLinesOf, timestampMs } from './container-logs.ts'

const frame = (stream: number, text: string): Buffer => {
  const payload = Buffer.from(text)
  const header = Buffer.from([stream, 0, 0, 0, 0, 0, 0, 0])
  header.writeUInt32BE(payload.length, 4)
  return Buffer.concat([header, payload])
}

test('multiplexed frames of stdout and stderr become lines, a line split across frames joined', () => {
  const bytes = Buffer.concat([
    frame(1, '2026-12-07T23:40:01.100000000Z starting\n2026-12-07T23:40:01.1'),
    frame(2, '30250000Z listening on 8080\n'),
  ])
  expect(logLinesOf(bytes)).toEqual([
    '2026-12-07T23:40:01.100000000Z starting',
    '2026-12-07T23:40:01.130250000Z listening on 8080',
  ])
})

test('a TTY container sends its log as it is', () => {
  expect(logLinesOf(Buffer.from('one\ntwo\n'))).toEqual(['one', 'two'])
  expect(logLinesOf(Buffer.alloc(0))).toEqual([])
})

test('listening: the timestamp of the backend line, to the microsecond', () => {
  const lines = ['2026-12-07T23:40:01.100000000Z starting', '2026-12-07T23:40:01.130250000Z listening on 8080']
  expect(listenedAt(lines)).toBe(Date.UTC(2026, 11, 7, 23, 40, 1) + 130.25)
  expect(listenedAt(['2026-12-07T23:40:01.100000000Z starting'])).toBeUndefined()
})

test('timestamps: Z or an offset, any number of fraction digits', () => {
  expect(timestampMs('1970-01-01T00:00:01.000250000Z')).toBe(1000.25)
  expect(timestampMs('1970-01-01T01:00:01+01:00')).toBe(1000)
  expect(timestampMs('1970-01-01T00:00:01.5Z')).toBe(1500)
  expect(timestampMs('1970-01-01 00:00:01Z')).toBeUndefined()
})
