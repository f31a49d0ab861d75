/**
 * The four layers and who may import whom: specs → dsl → drivers, and the
 * examples reach nothing of the tests (drivers reach them over the network).
 *
 * @example
 *   layerRules.dsl // ['dsl', 'drivers']
 *   mayImport('drivers', 'dsl') // false
 */
export const layerRules: Readonly<Record<string, readonly string[]>> = {
  specs: ['specs', 'dsl'],
  dsl: ['dsl', 'drivers'],
  drivers: ['drivers'],
  examples: ['examples'],
  runner: ['runner', 'dsl', 'drivers'],
}

/**
 * Whether code in one layer may import code in another.
 *
 * @example
 *   mayImport('specs', 'drivers') // false
 */
export function mayImport(from: string, to: string): boolean {
  const allowed = layerRules[from]
  return allowed === undefined || allowed.includes(to)
}
