import { crc32 } from 'node:zlib'
import { crc32OfRange } from './crc32-of-range.ts'

/**
 * The bytes a checksum puts before each command in the log: the CRC-32 of the
 * command's bytes as 8 lowercase hex digits, then a space.
 */
export const CHECKSUM_BYTES = 9

const HEX = Buffer.from('0123456789abcdef')
const SPACE = 32
const NEWLINE = 10
// The value of each byte as a hex digit, or -1.
const HEX_VALUE = new Int8Array(256).fill(-1)
for (let digit = 0; digit < 16; digit++) HEX_VALUE[HEX[digit]!] = digit

/** A line of a block that fails its check: which line (0 is the block's first) and why. */
export interface DamagedLine {
  line: number
  reason: string
}

/**
 * The log's form of complete command lines: each line, `{…}\n`, becomes
 * `<crc32 as 8 hex digits> {…}\n`. A buffer may hold several lines.
 *
 * @example
 *   withChecksums(Buffer.from('{"type":"void","event":"R1"}\n')).toString()
 *   // '56bbf761 {"type":"void","event":"R1"}\n'
 */
export function withChecksums(lines: Buffer | readonly Buffer[]): Buffer {
  const parts = Buffer.isBuffer(lines) ? [lines] : lines
  let size = 0
  for (const part of parts) size += part.length + CHECKSUM_BYTES * countLines(part)
  const out = Buffer.allocUnsafe(size)
  let at = 0
  for (const part of parts) {
    for (let start = 0; start < part.length; ) {
      const end = part.indexOf(NEWLINE, start)
      if (end === -1) throw new Error(`a log line must end in a newline: ${excerpt(part, start, part.length)}`)
      // No Buffer per line: crc32OfRange reads the range, and set() skips Buffer.copy's checks.
      writeHex(out, at, crc32OfRange(part, start, end))
      out[at + 8] = SPACE
      out.set(part.subarray(start, end + 1), at + CHECKSUM_BYTES)
      at += CHECKSUM_BYTES + end + 1 - start
      start = end + 1
    }
  }
  return out
}

/** Whether the line starting at `start` begins with a checksum (8 hex digits and a space). */
export function hasChecksum(block: Buffer, start: number): boolean {
  if (start + CHECKSUM_BYTES > block.length || block[start + 8] !== SPACE) return false
  for (let at = start; at < start + 8; at++) if (HEX_VALUE[block[at]!]! < 0) return false
  return true
}

/**
 * Checks every line of a block of complete log lines against its checksum
 * and cuts the checksums out, in place: the block then holds the commands as
 * they were appended. Returns the commands, or the first line that fails.
 *
 * @example
 *   const commands = verifyChecksums(Buffer.from('56bbf761 {"type":"void","event":"R1"}\n'))
 *   // Buffer '{"type":"void","event":"R1"}\n'
 */
export function verifyChecksums(block: Buffer): Buffer | DamagedLine {
  let out = 0
  let line = 0
  for (let start = 0; start < block.length; line++) {
    const end = block.indexOf(NEWLINE, start)
    if (!hasChecksum(block, start) || end === -1)
      return {
        line,
        reason:
          `it does not start with a checksum (8 hex digits and a space) as every line of this log must: ` +
          excerpt(block, start, end === -1 ? block.length : end),
      }
    const written = readHex(block, start)
    const computed = crc32(block.subarray(start + CHECKSUM_BYTES, end))
    if (written !== computed)
      return {
        line,
        reason:
          `its checksum ${hex(written)} does not match its content (CRC-32 ${hex(computed)}), so it changed after ` +
          `it was written: ${excerpt(block, start, end)}`,
      }
    block.copyWithin(out, start + CHECKSUM_BYTES, end + 1)
    out += end + 1 - start - CHECKSUM_BYTES
    start = end + 1
  }
  return block.subarray(0, out)
}

function countLines(part: Buffer): number {
  let count = 0
  for (let at = part.indexOf(NEWLINE); at !== -1; at = part.indexOf(NEWLINE, at + 1)) count++
  return count
}

function writeHex(out: Buffer, at: number, value: number): void {
  for (let digit = 0; digit < 8; digit++) out[at + digit] = HEX[(value >>> (28 - 4 * digit)) & 15]!
}

function readHex(block: Buffer, at: number): number {
  let value = 0
  for (let digit = 0; digit < 8; digit++) value = value * 16 + HEX_VALUE[block[at + digit]!]!
  return value
}

function hex(value: number): string {
  return value.toString(16).padStart(8, '0')
}

/** The line's start, quoted, for a message. */
function excerpt(block: Buffer, start: number, end: number): string {
  const text = block.toString('utf8', start, Math.min(end, start + 80))
  return end - start > 80 ? `${JSON.stringify(text)}…` : JSON.stringify(text)
}
