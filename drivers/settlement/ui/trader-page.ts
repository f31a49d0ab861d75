import type { Page } from 'playwright'
import type { RaceCard } from '../settlement-driver.ts'
import { showPage } from './open-page.ts'
import { submitForm, type FormAnswer } from './submit-form.ts'

/**
 * The trader's page, `/trader`: the "Create an event" form and the events list.
 *
 * @example
 *   declare const page: Page, card: RaceCard
 *   const answer = await new TraderPage(page).createEvent(card)
 *   answer.accepted // true: "Event R1 created."
 */
export class TraderPage {
  constructor(private readonly page: Page) {}

  /**
   * Fills in and sends "Create an event": runners one per line, place terms
   * only when the card has its own.
   *
   * @example
   *   declare const traderPage: TraderPage, race: import('../../core/aliased-name.ts').AliasedName
   *   const answer = await traderPage.createEvent({
   *     race,
   *     name: 'The National',
   *     runners: ['Red Rum', 'Arkle'],
   *     handicap: true,
   *   })
   *   answer.accepted ? answer.confirmation : answer.alert // 'Event R1 created.' or 'Event refused. Event id: …'
   */
  async createEvent(card: RaceCard): Promise<FormAnswer> {
    await showPage(this.page, '/trader')
    const form = this.page.getByRole('form', { name: 'Create an event', exact: true })
    await form.getByLabel('Event id', { exact: true }).fill(card.race)
    await form.getByLabel('Event name', { exact: true }).fill(card.name)
    await form.getByLabel('Handicap', { exact: true }).setChecked(card.handicap)
    await form.getByLabel('Runners', { exact: true }).fill(card.runners.join('\n'))
    const terms = form.getByRole('group', { name: 'Place terms (optional)', exact: true })
    await terms.getByLabel('Place terms fraction', { exact: true }).fill(card.placeTerms?.fraction ?? '')
    await terms
      .getByLabel('Places paid', { exact: true })
      .fill(card.placeTerms === undefined ? '' : String(card.placeTerms.places))
    return submitForm(this.page, form, 'Create event')
  }
}
