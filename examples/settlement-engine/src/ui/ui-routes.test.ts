import { describe, expect, it } from 'vitest'
import { customerPath, eventPath, matchUiRoute } from './ui-routes.ts'

describe('matchUiRoute', () => {
  it('names the punter’s and the trader’s pages and forms, ids decoded', () => {
    expect([
      matchUiRoute('GET', '/'),
      matchUiRoute('HEAD', '/customers'),
      matchUiRoute('GET', '/customers/alice%20smith'),
      matchUiRoute('POST', '/customers/alice'),
      matchUiRoute('GET', '/trader'),
      matchUiRoute('POST', '/trader/events'),
      matchUiRoute('GET', '/trader/events/R%2F1'),
      matchUiRoute('POST', '/trader/events/R1/withdrawals'),
      matchUiRoute('POST', '/trader/events/R1/result'),
      matchUiRoute('POST', '/trader/events/R1/void'),
    ]).toEqual([
      { name: 'home' },
      { name: 'find customer' },
      { name: 'my bets', customer: 'alice smith' },
      { name: 'place bet', customer: 'alice' },
      { name: 'trader' },
      { name: 'create event' },
      { name: 'event', event: 'R/1' },
      { name: 'withdraw runner', event: 'R1' },
      { name: 'declare result', event: 'R1' },
      { name: 'void race', event: 'R1' },
    ])
  })

  it('reads ids in their NFC form, as the API does: a customer or event typed decomposed is the same one', () => {
    expect([
      matchUiRoute('GET', '/customers/Zoe%CC%88'),
      matchUiRoute('POST', '/customers/Zo%C3%AB'),
      matchUiRoute('GET', '/trader/events/Caf%65%CC%81-1'),
    ]).toEqual([
      { name: 'my bets', customer: 'Zo\u00eb' },
      { name: 'place bet', customer: 'Zo\u00eb' },
      { name: 'event', event: 'Caf\u00e9-1' },
    ])
  })

  it('leaves the API’s paths to the API', () => {
    expect(
      ['/bets', '/bets/B1', '/events', '/events/R1/result', '/customers/alice/bets', '/stream', '/trader/'].map(
        (path) => matchUiRoute('GET', path),
      ),
    ).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined])
  })

  it('answers another method on a UI path with what is allowed', () => {
    expect(matchUiRoute('DELETE', '/customers/alice')).toEqual({ name: 'method not allowed', allow: 'GET, HEAD, POST' })
    expect(matchUiRoute('GET', '/trader/events/R1/void')).toEqual({ name: 'method not allowed', allow: 'POST' })
  })

  it('calls a wrongly encoded id a bad path', () => {
    expect(matchUiRoute('GET', '/customers/%E0%A4%A')).toEqual({ name: 'bad path' })
  })
})

describe('customerPath and eventPath', () => {
  it('encode the id as one path segment', () => {
    expect([customerPath('a/b c'), eventPath('R 1?')]).toEqual(['/customers/a%2Fb%20c', '/trader/events/R%201%3F'])
  })
})
