import { grown } from './growable.ts'

/** find()'s answer when the key is absent. */
export const ABSENT = -1

// A slot is four int32s: the key's hash, its id + 1 (0 = empty slot), and
// where its bytes are — one cache line answers most probes.
const SLOT = 4

/**
 * Strings kept as UTF-8 bytes and numbered 0, 1, 2 … in the order added,
 * found straight from the bytes of a request without making a JS string:
 * half a million customers cost a few megabytes, not a Map's hundred.
 * An open-addressing hash table (FNV-1a, linear probing, at most half full).
 *
 * @example
 *   const customers = new ByteKeys()
 *   customers.intern(Buffer.from('{"customer":"alice"}'), 13, 18) // 0
 *   customers.findString('alice') // 0
 *   customers.text(0) // 'alice'
 */
export class ByteKeys {
  count = 0
  private bytes = new Uint8Array(1 << 12)
  private used = 0
  /** Per id: start and end of its bytes. */
  private spans = new Int32Array(0)
  private slots = new Int32Array(SLOT << 10)
  private mask = (1 << 10) - 1

  /** The key's number, or ABSENT. */
  find(source: Uint8Array, start: number, end: number): number {
    const h = hash(source, start, end)
    const slots = this.slots
    const length = end - start
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = slot * SLOT
      const entry = slots[at + 1]!
      if (entry === 0) return ABSENT
      if (slots[at] === h && slots[at + 3] === length && this.equals(slots[at + 2]!, source, start, length))
        return entry - 1
    }
  }

  /** The key's number, adding it if new. */
  intern(source: Uint8Array, start: number, end: number): number {
    const found = this.find(source, start, end)
    return found !== ABSENT ? found : this.add(source, start, end)
  }

  /** The string's number, or ABSENT. */
  findString(text: string): number {
    const bytes = Buffer.from(text, 'utf8')
    return this.find(bytes, 0, bytes.length)
  }

  /** The string's number, adding it if new. */
  internString(text: string): number {
    const bytes = Buffer.from(text, 'utf8')
    return this.intern(bytes, 0, bytes.length)
  }

  /** The key with this number, as a string. */
  text(id: number): string {
    return Buffer.from(
      this.bytes.buffer,
      this.bytes.byteOffset + this.start(id),
      this.end(id) - this.start(id),
    ).toString('utf8')
  }

  /** The bytes all keys are stored in: key `id` is `[start(id), end(id))`. Valid until the next add. */
  bytesOf(_id: number): Uint8Array {
    return this.bytes
  }

  /** Where the key's bytes start in `bytesOf(id)`. */
  start(id: number): number {
    return this.spans[2 * id]!
  }

  /** Where the key's bytes end in `bytesOf(id)`. */
  end(id: number): number {
    return this.spans[2 * id + 1]!
  }

  /** Whether the key can go in a JSON string as it is: no quote, backslash or control character. */
  plainJson(id: number): boolean {
    const bytes = this.bytes
    for (let i = this.start(id); i < this.end(id); i++) {
      const c = bytes[i]!
      if (c === 34 || c === 92 || c < 32) return false
    }
    return true
  }

  private add(source: Uint8Array, start: number, end: number): number {
    const id = this.count
    const length = end - start
    this.bytes = grown(this.bytes, this.used + length, Uint8Array)
    this.bytes.set(source.subarray(start, end), this.used)
    this.spans = grown(this.spans, 2 * id + 2, Int32Array)
    this.spans[2 * id] = this.used
    this.spans[2 * id + 1] = this.used + length
    this.used += length
    this.count = id + 1
    if (this.count * 2 > this.mask + 1) this.rehash((this.mask + 1) * 2)
    else this.place(id)
    return id
  }

  private place(id: number): void {
    const start = this.start(id)
    const end = this.end(id)
    const h = hash(this.bytes, start, end)
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = slot * SLOT
      if (this.slots[at + 1] === 0) {
        this.slots[at] = h
        this.slots[at + 1] = id + 1
        this.slots[at + 2] = start
        this.slots[at + 3] = end - start
        return
      }
    }
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(SLOT * size)
    this.mask = size - 1
    for (let id = 0; id < this.count; id++) this.place(id)
  }

  private equals(from: number, source: Uint8Array, start: number, length: number): boolean {
    const bytes = this.bytes
    for (let i = 0; i < length; i++) if (bytes[from + i] !== source[start + i]) return false
    return true
  }
}

function hash(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193)
  return h | 0
}
