const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i)

/**
 * Builds a block of output bytes — outcome lines, settlement lines — without
 * a string per line: digits and ASCII go straight into one growing buffer.
 *
 * @example
 *   const out = new ByteWriter()
 *   out.raw(asciiBytes('{"returns":"')).money(1050).utf8('"}\n')
 *   out.take().toString() // '{"returns":"10.50"}\n'
 */
export class ByteWriter {
  private buffer: Buffer
  private at = 0

  constructor(private readonly initialBytes = 1 << 16) {
    this.buffer = Buffer.allocUnsafe(initialBytes)
  }

  /** Bytes written since the last take. */
  get length(): number {
    return this.at
  }

  /** Bytes made once with `asciiBytes`, e.g. the constant parts of a line: faster than `ascii` for short ones. */
  raw(bytes: Uint8Array): this {
    this.room(bytes.length)
    const buffer = this.buffer
    let at = this.at
    for (let i = 0; i < bytes.length; i++) buffer[at++] = bytes[i]!
    this.at = at
    return this
  }

  /** Any text, as UTF-8. */
  utf8(text: string): this {
    this.room(Buffer.byteLength(text))
    this.at += this.buffer.write(text, this.at, 'utf8')
    return this
  }

  /** A non-negative whole number's digits. */
  int(value: number): this {
    this.room(16)
    const buffer = this.buffer
    if (value < 10) {
      buffer[this.at++] = 48 + value
      return this
    }
    let digits = 1
    while (digits < 16 && value >= POWERS_OF_TEN[digits]!) digits++
    let at = this.at + digits
    this.at = at
    // Small integers stay in int32 arithmetic; larger ones need the float route.
    if (value < 2 ** 31) for (let rest = value; rest > 0; rest = (rest / 10) | 0) buffer[--at] = 48 + (rest % 10)
    else for (let rest = value; rest >= 1; rest = Math.floor(rest / 10)) buffer[--at] = 48 + (rest % 10)
    return this
  }

  /** Pence as pounds with two decimals, e.g. 1050 → 10.50 (non-negative). */
  money(pence: number): this {
    this.int(Math.floor(pence / 100))
    const rest = pence % 100
    this.room(3)
    this.buffer[this.at++] = 46
    this.buffer[this.at++] = 48 + Math.floor(rest / 10)
    this.buffer[this.at++] = 48 + (rest % 10)
    return this
  }

  /** Bytes copied from elsewhere. */
  bytes(source: Uint8Array, start = 0, end = source.length): this {
    this.room(end - start)
    const buffer = this.buffer
    let at = this.at
    for (let i = start; i < end; i++) buffer[at++] = source[i]!
    this.at = at
    return this
  }

  /** Everything written so far; the writer starts afresh (the buffer is handed over, not copied). */
  take(): Buffer {
    const taken = this.buffer.subarray(0, this.at)
    this.buffer = Buffer.allocUnsafe(Math.max(this.initialBytes, Math.min(this.at, 1 << 24)))
    this.at = 0
    return taken
  }

  private room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return
    const next = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + bytes))
    this.buffer.copy(next, 0, 0, this.at)
    this.buffer = next
  }
}

/**
 * ASCII text as bytes, for `ByteWriter.raw`.
 *
 * @example
 *   const OPEN = asciiBytes('{"ok":true,"id":"b')
 */
export function asciiBytes(text: string): Uint8Array {
  return Buffer.from(text, 'latin1')
}
