import { parsePrice, type Price } from '../arithmetic/index.ts'
import { ABSENT, ByteKeys } from './byte-keys.ts'

/**
 * Every price text bets were struck at, parsed once: a weekend of millions of
 * bets uses a few dozen prices, so a leg stores a small number, not a string.
 *
 * @example
 *   const prices = new PriceTable()
 *   const id = prices.intern('5/1') // parses it; throws InvalidValueError for "5-1"
 *   prices.price(id) // { num: 5, den: 1 }
 */
export class PriceTable {
  private readonly keys = new ByteKeys()
  private readonly prices: Price[] = []

  /** The price's number, parsing and adding it if new; throws InvalidValueError when it is not a price. */
  intern(text: string): number {
    const id = this.keys.findString(text)
    return id !== ABSENT ? id : this.add(text, () => this.keys.internString(text))
  }

  /** The same, for a price given as bytes (no escapes). */
  internBytes(source: Uint8Array, start: number, end: number): number {
    const id = this.keys.find(source, start, end)
    return id !== ABSENT
      ? id
      : this.add(Buffer.from(source.buffer, source.byteOffset + start, end - start).toString('latin1'), () =>
          this.keys.intern(source, start, end),
        )
  }

  /** The parsed price. */
  price(id: number): Price {
    return this.prices[id]!
  }

  /** The price as the bet gave it. */
  text(id: number): string {
    return this.keys.text(id)
  }

  /** Whether it is a starting-price bet. */
  isStartingPrice(id: number): boolean {
    return this.prices[id] === 'SP'
  }

  private add(text: string, intern: () => number): number {
    const price = parsePrice(text)
    const id = intern()
    this.prices[id] = price
    return id
  }
}
