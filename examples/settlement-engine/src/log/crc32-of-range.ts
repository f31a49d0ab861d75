// CRC-32 (the zlib/IEEE polynomial, reflected), slicing by 8: 8 tables of 256.
const TABLES = new Int32Array(256 * 8)
for (let n = 0; n < 256; n++) {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  TABLES[n] = c
}
for (let n = 0; n < 256; n++)
  for (let t = 1; t < 8; t++) {
    const previous = TABLES[(t - 1) * 256 + n]!
    TABLES[t * 256 + n] = (previous >>> 8) ^ TABLES[previous & 255]!
  }

/**
 * The CRC-32 of `bytes[start, end)`, as `zlib.crc32` gives it for that range,
 * without making a subarray: the log appends one per line, millions of them,
 * and for a line of a hundred-odd bytes the native call with its subarray
 * costs more than the sum itself.
 *
 * @example
 *   crc32OfRange(Buffer.from('x{"type":"void","event":"R1"}'), 1, 29) // 0x56bbf761
 */
export function crc32OfRange(bytes: Uint8Array, start: number, end: number): number {
  let c = -1
  let at = start
  for (; at + 8 <= end; at += 8) {
    const word = c ^ (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24))
    c =
      TABLES[1792 + (word & 255)]! ^
      TABLES[1536 + ((word >>> 8) & 255)]! ^
      TABLES[1280 + ((word >>> 16) & 255)]! ^
      TABLES[1024 + (word >>> 24)]! ^
      TABLES[768 + bytes[at + 4]!]! ^
      TABLES[512 + bytes[at + 5]!]! ^
      TABLES[256 + bytes[at + 6]!]! ^
      TABLES[bytes[at + 7]!]!
  }
  for (; at < end; at++) c = TABLES[(c ^ bytes[at]!) & 255]! ^ (c >>> 8)
  return (c ^ -1) >>> 0
}
