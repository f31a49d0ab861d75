import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { parseHost, readHost } from './host-header.ts'

const requestWith = (...rawHeaders: string[]) => ({ rawHeaders }) as unknown as IncomingMessage
const NAME_RULE = 'a name is dot-separated labels of letters, digits, "-" and "_", each 1–63 characters, 253 in all'

describe('parseHost', () => {
  it.each([
    ['shop.example', 'shop.example'],
    ['Shop.EXAMPLE:8080', 'shop.example'],
    ['shop.example.', 'shop.example.'],
    ['web_1', 'web_1'],
    ['127.0.0.1:80', '127.0.0.1'],
    ['[::1]', '[::1]'],
    ['[::1]:8080', '[::1]'],
    ['[2001:DB8::1]:65535', '[2001:db8::1]'],
    ['shop:', 'shop'],
  ])('reads %s as %s', (value, host) => {
    expect(parseHost(value)).toEqual({ kind: 'host', host })
  })

  it.each([
    ['[::1', 'Host "[::1" is not host[:port]: the IPv6 address has no closing "]"'],
    ['[shop]', 'Host "[shop]" is not host[:port]: "[shop]" is not an IPv6 address'],
    ['[::1]x', 'Host "[::1]x" is not host[:port]: the port must be digits from 0 to 65535'],
    ['shop:65536', 'Host "shop:65536" is not host[:port]: the port must be digits from 0 to 65535'],
    ['shop:80:80', 'Host "shop:80:80" is not host[:port]: the port must be digits from 0 to 65535'],
    ['shop:-1', 'Host "shop:-1" is not host[:port]: the port must be digits from 0 to 65535'],
    ['sh op', `Host "sh op" is not host[:port]: ${NAME_RULE}`],
    ['shop..example', `Host "shop..example" is not host[:port]: ${NAME_RULE}`],
    ['-shop', `Host "-shop" is not host[:port]: ${NAME_RULE}`],
    ['user@shop', `Host "user@shop" is not host[:port]: ${NAME_RULE}`],
    [':80', `Host ":80" is not host[:port]: ${NAME_RULE}`],
    [`${'a'.repeat(64)}.example`, `Host "${'a'.repeat(64)}.example" is not host[:port]: ${NAME_RULE}`],
    ['', 'the Host header is empty; send the Host of the service you want'],
  ])('refuses %j', (value, reason) => {
    expect(parseHost(value)).toEqual({ kind: 'invalid', reason })
  })

  it('quotes at most 80 characters of a long value', () => {
    const reading = parseHost(`${'a.'.repeat(200)}!`)
    expect(reading).toEqual({ kind: 'invalid', reason: `Host "${'a.'.repeat(40)}…" is not host[:port]: ${NAME_RULE}` })
  })
})

describe('readHost', () => {
  it('reads the one Host header, whatever its case', () => {
    expect(readHost(requestWith('Accept', '*/*', 'HOST', 'shop:80'))).toEqual({ kind: 'host', host: 'shop' })
  })

  it('refuses two Host headers, even equal ones', () => {
    expect(readHost(requestWith('Host', 'shop', 'host', 'shop'))).toEqual({
      kind: 'invalid',
      reason: 'the request has 2 Host headers; send exactly one',
    })
  })

  it('refuses a request without a Host header', () => {
    expect(readHost(requestWith('Accept', '*/*'))).toEqual({
      kind: 'invalid',
      reason: 'the request has no Host header; send the Host of the service you want',
    })
  })
})
