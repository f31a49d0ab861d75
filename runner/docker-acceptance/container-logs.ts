/**
 * The lines of a container's log as `GET /containers/{id}/logs` sends them.
 * Without a TTY the daemon multiplexes stdout and stderr into frames (one
 * byte for the stream, three zero bytes, a big-endian 32-bit length, the
 * payload); with one it sends the bytes as they are. Lines split across
 * frames are joined; an empty last line is dropped.
 *
 * @example
 *   const frame = Buffer.concat([Buffer.from([1, 0, 0, 0, 0, 0, 0, 6]), Buffer.from('hello\n')])
 *   logLinesOf(frame) // ['hello']
 */
export function logLinesOf(bytes: Buffer): string[] {
  const text = isMultiplexed(bytes) ? payloadOf(bytes).toString('utf8') : bytes.toString('utf8')
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  return lines
}

/**
 * When the container's app said it listens, in unix milliseconds (with the
 * daemon's sub-millisecond part), from the timestamp the daemon put on the
 * backend's `listening on PORT` line; undefined if it has not said so.
 *
 * @example
 *   listenedAt(['2026-12-07T23:40:01.123456789Z listening on 8080'])
 *   // → 1796686801123.4568
 */
export function listenedAt(lines: readonly string[]): number | undefined {
  for (const line of lines) {
    const match = /^(\S+) listening on \d+\s*$/.exec(line)
    if (match !== null) return timestampMs(match[1]!)
  }
  return undefined
}

/**
 * An RFC 3339 timestamp as Docker writes it (nanoseconds, `Z` or an offset)
 * in unix milliseconds, keeping the fraction Date.parse would drop.
 *
 * @example
 *   timestampMs('1970-01-01T00:00:01.000250000Z') // 1000.25
 *   timestampMs('yesterday') // undefined
 */
export function timestampMs(text: string): number | undefined {
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/.exec(text)
  if (match === null) return undefined
  const seconds = Date.parse(`${match[1]}${match[3]}`)
  if (Number.isNaN(seconds)) return undefined
  return seconds + Number(`0.${match[2] ?? '0'}`) * 1000
}

function isMultiplexed(bytes: Buffer): boolean {
  return bytes.length >= 8 && bytes[0]! <= 2 && bytes[1] === 0 && bytes[2] === 0 && bytes[3] === 0
}

function payloadOf(bytes: Buffer): Buffer {
  const parts: Buffer[] = []
  for (let at = 0; at + 8 <= bytes.length; ) {
    const size = bytes.readUInt32BE(at + 4)
    parts.push(bytes.subarray(at + 8, at + 8 + size))
    at += 8 + size
  }
  return Buffer.concat(parts)
}
