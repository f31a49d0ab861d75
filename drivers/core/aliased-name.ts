declare const aliasedBrand: unique symbol

/**
 * A name as the system under test knows it: made by the aliasing layer from a
 * spec's name, so a driver cannot be handed an un-aliased name by accident.
 *
 * @example
 *   import type { SettlementDriver } from '../settlement/settlement-driver.ts'
 *   declare const driver: SettlementDriver, punter: AliasedName // aliases.alias('Alice'): 'alice-k3x9q2'
 *   await driver.betsOf(punter)
 */
export type AliasedName = string & { readonly [aliasedBrand]: true }
