import { LineTooLongError } from './line-too-long-error.ts'

/**
 * Cuts a chunked byte stream into blocks of complete lines without copying
 * more than the one line that straddles two chunks.
 *
 * @example
 *   const lines = new LineSplitter()
 *   lines.push(Buffer.from('{"a":1}\n{"b"')) // Buffer '{"a":1}\n'
 *   lines.push(Buffer.from(':2}\n'))         // Buffer '{"b":2}\n'
 */
export class LineSplitter {
  private rest: Buffer | undefined

  constructor(private readonly maxLineBytes = 1 << 20) {}

  /** The complete lines now available, each ending in "\n", or undefined. */
  push(chunk: Buffer): Buffer | undefined {
    const data = this.rest === undefined ? chunk : Buffer.concat([this.rest, chunk])
    const last = data.lastIndexOf(10)
    if (last === -1) {
      this.keep(data)
      return undefined
    }
    this.keep(data.subarray(last + 1))
    return data.subarray(0, last + 1)
  }

  /** The bytes after the last newline, if any: an unterminated last line. */
  end(): Buffer | undefined {
    const rest = this.rest
    this.rest = undefined
    return rest
  }

  private keep(bytes: Buffer): void {
    if (bytes.length > this.maxLineBytes) throw new LineTooLongError(this.maxLineBytes)
    // A copy, so one short tail does not pin a whole chunk in memory.
    this.rest = bytes.length === 0 ? undefined : Buffer.from(bytes)
  }
}
