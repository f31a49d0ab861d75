import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeBrowser, openBrowserSession } from '../../core/browser-pool.ts'
import { createHttpTestServer, type HttpTestServer } from '../../core/test-fixtures/http-test-server.ts'
import { fakeDriverContext } from '../../core/test-fixtures/fake-driver-context.ts'
import { submitForm } from './submit-form.ts'

// A form whose button never becomes clickable: the click and the wait for the next page time out together.
const stuckForm =
  `<!doctype html><title>Void</title><form aria-label="Void the race" method="post"><button disabled>Void ` +
  `race</button></form>`

let server: HttpTestServer
beforeEach(async () => {
  server = await createHttpTestServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(stuckForm))
})
afterEach(async () => {
  await server.close()
})
afterAll(async () => {
  await closeBrowser()
})

describe('submitForm', () => {
  it('fails with the click’s timeout, no rejection handled late (Node’s PromiseRejectionHandledWarning)', async () => {
    const handledLate: unknown[] = []
    const onHandledLate = (promise: unknown): void => {
      handledLate.push(promise)
    }
    process.on('rejectionHandled', onHandledLate)
    const ctx = fakeDriverContext({}, 'ui')
    try {
      const { page } = await openBrowserSession(ctx, { baseUrl: server.url, timeout: 300 })
      await page.goto('/void')
      const error = (await submitForm(page, page.getByRole('form', { name: 'Void the race' }), 'Void race').catch(
        (e: unknown) => e,
      )) as Error
      expect(error.name).toBe('TimeoutError')
      expect(error.message).toMatch(/^locator\.click: Timeout 300ms exceeded\./)
      // Node reports a late handler one turn of the event loop after it is attached.
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(handledLate).toEqual([])
    } finally {
      process.off('rejectionHandled', onHandledLate)
      await ctx.endScenario({ failed: false })
    }
  })
})
