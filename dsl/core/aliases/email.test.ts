import { describe, expect, it } from 'vitest'
import { ConfigurationError } from '../../../drivers/core/errors/configuration-error.ts'
import { email } from './email.ts'

const unique = 'r7k2-x9q2bz'

describe('email', () => {
  const strategy = email('example.test')

  it('is the spec name, a dot and the unique part without its -, at the domain', () => {
    expect(strategy.name).toBe('email @example.test')
    expect(strategy.make({ name: 'Alice', base: 'alice', unique })).toBe('alice.r7k2x9q2bz@example.test')
    expect(strategy.make({ name: 'Alice Smith', base: 'alice-smith', unique })).toBe(
      'alice-smith.r7k2x9q2bz@example.test',
    )
  })

  it('keeps the part before the @ within 64 characters', () => {
    const value = strategy.make({ name: 'long', base: 'a'.repeat(80), unique })
    expect(value).toBe(`${'a'.repeat(53)}.r7k2x9q2bz@example.test`)
    expect(value.indexOf('@')).toBe(64)
  })

  it('checks the address', () => {
    expect(strategy.check?.('alice.r7k2x9q2bz@example.test')).toBeUndefined()
    expect(strategy.check?.('alice.r7k2x9q2bz@example.org')).toBe('an address at example.test')
    expect(strategy.check?.('Alice..r7k2@example.test')).toBe(
      'only lower-case letters, digits, ".", "-" and "_" before the @, starting and ending with a letter or digit',
    )
    expect(strategy.check?.(`${'a'.repeat(65)}@example.test`)).toBe('at most 64 characters before the @, got 65')
  })

  it.each(['example', 'Example.test', '-example.test', 'example..test', ''])('refuses the domain %j', (domain) => {
    expect(() => email(domain)).toThrow(
      new ConfigurationError(
        `email(${JSON.stringify(domain)}): not a lower-case domain name with at least one dot. Use a domain ` +
          `whose mail goes nowhere, such as "example.test".`,
      ),
    )
  })
})
