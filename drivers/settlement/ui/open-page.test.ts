import { afterAll, describe, expect, it } from 'vitest'
import { closeBrowser, openBrowserSession } from '../../core/browser-pool.ts'
import { fakeDriverContext } from '../../core/test-fixtures/fake-driver-context.ts'
import { createHttpTestServer } from '../../core/test-fixtures/http-test-server.ts'
import { openPage } from './open-page.ts'

afterAll(async () => {
  await closeBrowser()
})

describe('openPage', () => {
  it('masks the token of the page it opened in the message of a page that did not answer', async () => {
    const closed = await createHttpTestServer(() => {})
    await closed.close()
    const ctx = fakeDriverContext()
    const { page } = await openBrowserSession(ctx, { baseUrl: closed.url })
    try {
      const error = await openPage(page, '/bets?token=tok-0123456').then(
        () => new Error('expected the page not to open'),
        (thrown: unknown) => thrown as Error,
      )
      expect(error.message).toBe(
        `The settlement UI did not answer GET /bets?token=****: page.goto: net::ERR_CONNECTION_REFUSED at ` +
          `${closed.url}/bets?token=****. Is the engine running at SETTLEMENT_URL?`,
      )
    } finally {
      await ctx.endScenario({ failed: false })
    }
  })

  it('masks the token in the message and the request of a page answered with 4xx', async () => {
    const server = await createHttpTestServer((_req, res) =>
      res.writeHead(403, { 'content-type': 'text/html' }).end('<h1>Forbidden</h1><p role="alert">Bad key</p>'),
    )
    const ctx = fakeDriverContext()
    const { page } = await openBrowserSession(ctx, { baseUrl: server.url })
    try {
      const error = await openPage(page, '/trader?access_token=tok-0123456').catch((thrown: unknown) => thrown)
      expect(error).toMatchObject({
        name: 'AssertionFailedError',
        message: 'The settlement UI answered GET /trader?access_token=**** with 403, showing "Forbidden": "Bad key"',
        context: { request: 'GET /trader?access_token=****' },
      })
    } finally {
      await ctx.endScenario({ failed: false })
      await server.close()
    }
  })
})
