import type { Page, Response } from 'playwright'
import { AssertionFailedError } from '../../core/errors/assertion-failed-error.ts'
import { SystemCompromisedError } from '../../core/errors/system-compromised-error.ts'
import { maskSecrets } from '../../core/mask-secrets.ts'

/**
 * Shows the page at `path` (relative to the session's base URL), reloading it
 * if it is already shown, once its document is parsed. A page the UI answers
 * with 4xx is an assertion failure with what the page says; no answer, or a
 * 5xx, means the system is compromised.
 *
 * @example
 *   declare const page: Page
 *   await openPage(page, '/customers/alice-r7k2')
 *   await page.getByRole('table', { name: 'Open bets', exact: true }).count()
 */
export async function openPage(page: Page, path: string): Promise<void> {
  let response: Response | null
  try {
    response = await page.goto(path, { waitUntil: 'domcontentloaded' })
  } catch (error) {
    // Playwright's message names the whole URL, with the credentials and tokens of SETTLEMENT_URL.
    throw new SystemCompromisedError(
      maskSecrets(
        `The settlement UI did not answer GET ${path}: ${firstLine(error)}. Is the engine running at SETTLEMENT_URL?`,
      ),
      { cause: error },
    )
  }
  await checkAnswer(page, `GET ${path}`, response?.status() ?? 200)
}

/**
 * Shows `path` unless the page already shows it: a form on the page acts on
 * the system's current state whenever the page was loaded.
 *
 * @example
 *   declare const page: Page
 *   await showPage(page, '/trader') // loads the trader's page
 *   await showPage(page, '/trader') // no reload: it still shows /trader?done=created&event=R1
 */
export async function showPage(page: Page, path: string): Promise<void> {
  if (new URL(page.url()).pathname !== path) await openPage(page, path)
}

/**
 * Throws if the document the page now shows was answered with an error
 * status: 5xx a SystemCompromisedError, 4xx an AssertionFailedError, both
 * with the page's heading and alert.
 *
 * @example
 *   declare const page: Page
 *   await checkAnswer(page, 'GET /trader', 200) // returns
 *   await checkAnswer(page, 'GET /trader/events/R9', 404)
 *   // → throws AssertionFailedError: … showing "No such event": "No event has id "R9". …"
 */
export async function checkAnswer(page: Page, request: string, status: number): Promise<void> {
  if (status < 400) return
  const says = await pageSays(page)
  const shown = maskSecrets(request)
  const message = maskSecrets(`The settlement UI answered ${shown} with ${status}, showing ${says}`)
  if (status >= 500)
    throw new SystemCompromisedError(`${message}. See the engine's log.`, { context: { request: shown } })
  throw new AssertionFailedError(message, { context: { request: shown } })
}

async function pageSays(page: Page): Promise<string> {
  const heading = page.getByRole('heading', { level: 1 })
  const alert = page.getByRole('alert')
  const [title, message] = await Promise.all([
    heading.count().then((n) => (n === 0 ? '' : heading.first().textContent())),
    alert.count().then((n) => (n === 0 ? '' : alert.first().textContent())),
  ])
  const text = [title, message].map((part) => (part ?? '').trim()).filter(Boolean)
  return text.length === 0 ? `no heading or alert (${await page.title()})` : `"${text.join('": "')}"`
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''
}
