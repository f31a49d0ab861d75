import type { AliasOptions } from '../core/aliases/alias-types.ts'
import { slug } from '../core/aliases/slug-strategy.ts'

/**
 * How a race's spec name is aliased: as the engine's event id, in the slug
 * form. The event keeps the spec's words in a name of its own, and the ui
 * reads a multiple's further legs as "event, runner, price" lines, so an event
 * id must never hold a comma. Every race parameter and alias uses these
 * options, so that one race has one id.
 *
 * @example
 *   import { alias } from '../core/params/param-kinds.ts'
 *   import type { SettlementSession } from './settlement-session.ts'
 *   declare const session: SettlementSession
 *   const race = alias({ ...raceId, optional: true }) // 'the 2:30, Aintree' → 'the-2-30-aintree-r7k2-x9q2bz'
 *   session.aliases.alias('the race', raceId) // 'the-race-r7k2-x9q2bz'
 */
export const raceId: AliasOptions = { strategy: slug }
