import { customAlphabet } from 'nanoid'

/**
 * The characters of run ids and of the random part of real names.
 *
 * @example
 *   customAlphabet(uniqueAlphabet, 6)() // 'x9q2bz'
 *   Array.from('r7k2').every((ch) => uniqueAlphabet.includes(ch)) // true
 */
export const uniqueAlphabet = '0123456789abcdefghijklmnopqrstuvwxyz'

/**
 * Makes `size` random characters from {@link uniqueAlphabet}. Injected into the
 * alias table so tests can be deterministic.
 *
 * @example
 *   import { AliasTable } from './alias-table.ts'
 *   const random: RandomSource = (size) => 'x9q2bz'.slice(0, size)
 *   new AliasTable({ runId: 'r7k2', random })
 */
export type RandomSource = (size: number) => string

/**
 * nanoid over lower-case letters and digits: what real runs use.
 *
 * @example
 *   import { AliasTable } from './alias-table.ts'
 *   nanoidRandom(6) // 'x9q2bz'
 *   new AliasTable({ random: nanoidRandom })
 */
export const nanoidRandom: RandomSource = customAlphabet(uniqueAlphabet)

/**
 * A random source for tests: gives the values in order, and says so when a test
 * asks for more than it scripted.
 *
 * @example
 *   const random = scriptedRandom('x9q2bz', 'm4p8td')
 *   random(6) // 'x9q2bz', then 'm4p8td'
 */
export function scriptedRandom(...values: string[]): RandomSource {
  let next = 0
  return (size) => {
    const value = values[next++]
    if (value === undefined)
      throw new Error(`scriptedRandom: asked for value ${next} but only ${values.length} were scripted`)
    if (value.length !== size)
      throw new Error(`scriptedRandom: asked for ${size} characters but value ${next} is "${value}"`)
    return value
  }
}
