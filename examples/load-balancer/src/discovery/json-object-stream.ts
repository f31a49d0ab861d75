// Docker's /events body is a series of JSON objects: newline-delimited from
// current daemons, back to back from old ones, and cut anywhere by TCP. This
// splitter finds each top-level object's end by counting braces outside
// strings, so it never waits for a newline that may not come.
import { StringDecoder } from 'node:string_decoder'

/**
 * Splits a stream of concatenated JSON objects into one string per object.
 *
 * @example
 *   const splitter = new JsonObjectSplitter()
 *   splitter.push('{"a":1}{"b"') // ['{"a":1}'], then push(':2}\n') → ['{"b":2}']
 */
export class JsonObjectSplitter {
  // A StringDecoder keeps a multi-byte UTF-8 character split across chunks whole.
  readonly #decoder = new StringDecoder('utf8')
  #text = ''
  #pos = 0
  #depth = 0
  #inString = false
  #escaped = false

  /** Feeds one chunk; returns the objects it completed, in order. */
  push(chunk: Buffer | string): string[] {
    this.#text += typeof chunk === 'string' ? chunk : this.#decoder.write(chunk)
    const objects: string[] = []
    let start = 0
    for (; this.#pos < this.#text.length; this.#pos++) {
      const c = this.#text[this.#pos]
      if (this.#depth === 0) {
        if (c === ' ' || c === '\n' || c === '\r' || c === '\t') {
          start = this.#pos + 1
          continue
        }
        if (c !== '{') {
          throw new Error(
            `JSON object stream: expected "{" between objects but found ${JSON.stringify(c)} ` +
              `at ${JSON.stringify(this.#text.slice(this.#pos, this.#pos + 40))}; ` +
              'the source must send JSON objects only, newline-delimited or back to back',
          )
        }
        start = this.#pos
        this.#depth = 1
      } else if (this.#inString) {
        if (this.#escaped) this.#escaped = false
        else if (c === '\\') this.#escaped = true
        else if (c === '"') this.#inString = false
      } else if (c === '"') {
        this.#inString = true
      } else if (c === '{' || c === '[') {
        this.#depth++
      } else if (c === '}' || c === ']') {
        this.#depth--
        if (this.#depth === 0) {
          objects.push(this.#text.slice(start, this.#pos + 1))
          start = this.#pos + 1
        }
      }
    }
    this.#text = this.#text.slice(start)
    this.#pos -= start
    return objects
  }

  /** True when a partial object is waiting for more input. */
  get hasPartialObject(): boolean {
    return this.#depth > 0
  }
}
