import { describe, expect, it } from 'vitest'
import { isSecretHeader, maskHeaderValue, maskText, secretsInHeader } from './mask-secrets.ts'

describe('maskHeaderValue', () => {
  it('keeps the auth scheme and masks the credential', () => {
    expect(maskHeaderValue('Authorization', 'Bearer eyJhbGciOi.x.y')).toBe('Bearer ****')
    expect(maskHeaderValue('proxy-authorization', 'Basic dXNlcjpwYXNz')).toBe('Basic ****')
    expect(maskHeaderValue('authorization', 'rawtoken')).toBe('****')
  })

  it('keeps cookie names and Set-Cookie attributes', () => {
    expect(maskHeaderValue('Cookie', 'sid=abc123; theme=dark')).toBe('sid=****; theme=****')
    expect(maskHeaderValue('set-cookie', 'sid=abc123; Path=/; HttpOnly')).toBe('sid=****; Path=/; HttpOnly')
  })

  it('leaves other headers alone', () => {
    expect(isSecretHeader('Content-Type')).toBe(false)
    expect(maskHeaderValue('content-type', 'application/json')).toBe('application/json')
  })
})

describe('secretsInHeader and maskText', () => {
  it('finds the credential values and masks them anywhere in a text', () => {
    const secrets = [
      ...secretsInHeader('Authorization', 'Bearer tok-12345'),
      ...secretsInHeader('Cookie', 'sid=abc123; n=1'),
    ]
    expect(secrets).toEqual(['tok-12345', 'abc123'])
    expect(maskText('{"token":"tok-12345","session":"abc123","n":1}', secrets)).toBe(
      '{"token":"****","session":"****","n":1}',
    )
  })

  it('ignores values too short to mask without mangling the text', () => {
    expect(secretsInHeader('cookie', 'n=1')).toEqual([])
    expect(maskText('n=1', ['1'])).toBe('n=1')
  })
})
