import { describe, expect, test } from 'vitest'
import { fillAddressesOf, fillEnvTemplate, namedGroups, placeholdersIn } from './system-templates.ts'

const values = {
  address: 'http://127.0.0.1:4000',
  groups: { admin: 'http://127.0.0.1:4001' },
  addresses: { docker: 'tcp://127.0.0.1:2375' },
}

describe('system templates', () => {
  test('finds the placeholders of a text', () => {
    expect(placeholdersIn('{address}/x?docker={address:docker}&dir={tempDir}')).toEqual([
      'address',
      'address:docker',
      'tempDir',
    ])
  })

  test('args and processEnv: {address:NAME} is filled, other placeholders are left for later', () => {
    expect(fillAddressesOf('--docker-host={address:docker} --data={tempDir}', values.addresses)).toBe(
      '--docker-host=tcp://127.0.0.1:2375 --data={tempDir}',
    )
  })

  test('env: {address}, {address:NAME} and named groups are filled; anything else is left as it is', () => {
    expect(fillEnvTemplate('{address} {admin}/stats {address:docker} {other}', values)).toBe(
      'http://127.0.0.1:4000 http://127.0.0.1:4001/stats tcp://127.0.0.1:2375 {other}',
    )
  })

  test('lists the named groups of a pattern', () => {
    expect(namedGroups(/on (?<public>\S+)( admin (?<admin>\S+))?/)).toEqual(['public', 'admin'])
    expect(namedGroups(/listening on (\S+)/)).toEqual([])
  })
})
