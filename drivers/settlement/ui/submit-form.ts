import type { Locator, Page, Request, Response } from 'playwright'
import { SystemCompromisedError } from '../../core/errors/system-compromised-error.ts'
import { checkAnswer } from './open-page.ts'

/**
 * What a form's page said when it came back: the confirmation (`role="status"`)
 * of an accepted form, or the alert of a refused one, with `reason` the
 * engine's words alone (no "Bet refused." title, no field label).
 *
 * @example
 *   const placed: FormAnswer = { accepted: true, confirmation: 'Bet b1 placed.' }
 *   const refused: FormAnswer = {
 *     accepted: false,
 *     alert: 'Bet refused. Runner: "Shergar" is not a runner …',
 *     reason: '"Shergar" is not a runner …',
 *   }
 */
export type FormAnswer = { accepted: true; confirmation: string } | { accepted: false; alert: string; reason: string }

/**
 * Presses the form's submit button and reads the page the UI answers with,
 * after its redirect. A page that is neither the confirmation nor the form
 * refused (an error page, no answer at all) throws, as `checkAnswer` does.
 *
 * @example
 *   import { AssertionFailedError } from '../../core/errors/assertion-failed-error.ts'
 *   declare const page: Page
 *   const answer = await submitForm(page, page.getByRole('form', { name: 'Void the race' }), 'Void race')
 *   if (!answer.accepted) throw new AssertionFailedError(answer.alert)
 */
export async function submitForm(page: Page, form: Locator, button: string): Promise<FormAnswer> {
  const action = `"${button}" on ${new URL(page.url()).pathname}`
  const status = await nextDocumentStatus(page, action, () =>
    form.getByRole('button', { name: button, exact: true }).click(),
  )
  if (status < 400) return { accepted: true, confirmation: await text(page.getByRole('status')) }
  const alert = form.getByRole('alert')
  if ((await alert.count()) === 0) await checkAnswer(page, action, status)
  const [alertText, labels] = await Promise.all([text(alert), alert.getByRole('link').allTextContents()])
  return { accepted: false, alert: alertText, reason: reasonOf(alertText, labels) }
}

// The alert reads "Bet refused. Runner: <engine's message>": a title sentence, then the field's label as a link, when
// the refusal names one.
function reasonOf(alert: string, labels: readonly string[]): string {
  const afterTitle = alert.replace(/^[^.]*\.\s*/, '')
  const label = labels.length === 1 ? `${labels[0]?.trim()}: ` : undefined
  return label !== undefined && afterTitle.startsWith(label) ? afterTitle.slice(label.length) : afterTitle
}

// Listens before acting, so no event is missed; resolves once the new document is parsed.
async function nextDocumentStatus(page: Page, action: string, act: () => Promise<void>): Promise<number> {
  let status = 0
  let failure: string | undefined
  const isDocument = (request: Request) => request.isNavigationRequest() && request.frame() === page.mainFrame()
  const onResponse = (response: Response) => {
    // The 303 of post/redirect/get is not the answer; the page it leads to is.
    if (isDocument(response.request()) && (response.status() < 300 || response.status() >= 400))
      status = response.status()
  }
  const onFailed = (request: Request) => {
    if (isDocument(request)) failure = request.failure()?.errorText ?? 'the request failed'
  }
  page.on('response', onResponse)
  page.on('requestfailed', onFailed)
  const committed = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() })
  // Handled from the start: it may fail (a timeout, the page closed) while act() is still running, and a
  // rejection that waits for a handler until `await committed` makes Node print PromiseRejectionHandledWarning.
  committed.catch(() => undefined)
  try {
    await act()
    await committed
    await page.waitForLoadState('domcontentloaded')
  } finally {
    page.off('response', onResponse)
    page.off('requestfailed', onFailed)
  }
  if (failure !== undefined)
    throw new SystemCompromisedError(
      `The settlement UI did not answer ${action}: ${failure}. Is the engine running at SETTLEMENT_URL?`,
    )
  return status
}

async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').trim()
}
