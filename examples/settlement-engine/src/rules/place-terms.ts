import type { Fraction } from '../arithmetic/fraction.ts'

/** Each-way place terms: the place part pays `fraction` of the odds on the first `places` finishers. */
export interface PlaceTerms {
  readonly fraction: Fraction
  readonly places: number
}

const QUARTER: Fraction = Object.freeze({ num: 1, den: 4 })
const FIFTH: Fraction = Object.freeze({ num: 1, den: 5 })

/**
 * The place terms each-way bets are settled on: the event's own when it
 * states them; otherwise the standard table, counted on runners under
 * starter's orders (declared minus withdrawn), so a withdrawal can change them.
 * `undefined` means the race has no place terms (4 runners or fewer): each-way
 * bets are then settled win only and the place stake is returned.
 *
 * | runners | non-handicap  | handicap      |
 * |---------|---------------|---------------|
 * | 1–4     | win only      | win only      |
 * | 5–7     | 1/4, 2 places | 1/4, 2 places |
 * | 8–11    | 1/5, 3 places | 1/5, 3 places |
 * | 12–15   | 1/5, 3 places | 1/4, 3 places |
 * | 16+     | 1/5, 3 places | 1/4, 4 places |
 *
 * @example
 *   placeTermsFor({ runnersUnderOrders: 12, handicap: true }) // { fraction: 1/4, places: 3 }
 *   placeTermsFor({ runnersUnderOrders: 4, handicap: false }) // undefined: win only
 */
export function placeTermsFor(race: {
  runnersUnderOrders: number
  handicap: boolean
  explicit?: PlaceTerms | undefined
}): PlaceTerms | undefined {
  if (race.explicit !== undefined) return race.explicit
  const runners = race.runnersUnderOrders
  if (runners <= 4) return undefined
  if (runners <= 7) return { fraction: QUARTER, places: 2 }
  if (!race.handicap || runners <= 11) return { fraction: FIFTH, places: 3 }
  if (runners <= 15) return { fraction: QUARTER, places: 3 }
  return { fraction: QUARTER, places: 4 }
}
