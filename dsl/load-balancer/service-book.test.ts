import { describe, expect, it } from 'vitest'
import { AliasTable, scriptedRandom } from '../core/aliases/index.ts'
import { ServiceBook } from './service-book.ts'

const aliases = (...random: string[]) => new AliasTable({ runId: 'r7k2', random: scriptedRandom(...random) })

describe('ServiceBook', () => {
  it('gives a service a host name and its replicas container names in the slug form', () => {
    const table = aliases('host01', 'rep002')
    const book = new ServiceBook()
    const service = book.service('Checkout Service', table)
    expect([service.host, book.replicaName(service, 2, table)]).toEqual([
      'checkout-service-r7k2-host01.parlance.test',
      'checkout-service-2-r7k2-rep002',
    ])
  })

  it('keeps a host label within the 63 characters DNS allows', () => {
    const service = new ServiceBook().service(`Checkout ${'x'.repeat(80)}`, aliases('host01'))
    expect(service.host).toBe(`checkout-${'x'.repeat(42)}-r7k2-host01.parlance.test`)
  })
})
