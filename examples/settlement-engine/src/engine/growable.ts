/** A typed array constructor the stores grow. */
type TypedArrayOf<T> = { new (length: number): T }

/**
 * A copy of `array` with room for at least `needed` elements: doubled, so
 * adding n elements one by one copies O(n) in all. Pages past the old length
 * are untouched zeros until written, so spare room costs address space, not memory.
 *
 * @example
 *   let stake = new Float64Array(1024)
 *   stake = grown(stake, 1025, Float64Array) // 2048 long, the first 1024 copied
 */
export function grown<T extends Int32Array | Uint8Array | Uint16Array | Float64Array>(
  array: T,
  needed: number,
  make: TypedArrayOf<T>,
): T {
  if (needed <= array.length) return array
  let length = Math.max(array.length, 1024)
  while (length < needed) length *= 2
  const next = new make(length)
  next.set(array as never)
  return next
}
