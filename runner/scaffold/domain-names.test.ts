import { describe, expect, test } from 'vitest'
import { domainNames } from './domain-names.ts'

describe('domainNames', () => {
  test('gives every form the generated files use', () => {
    expect(domainNames('shop')).toEqual({
      name: 'shop',
      camel: 'shop',
      pascal: 'Shop',
      urlVariable: 'SHOP_URL',
      story: 'SHOP',
      configKey: 'shop',
    })
    expect(domainNames('order-history-2')).toEqual({
      name: 'order-history-2',
      camel: 'orderHistory2',
      pascal: 'OrderHistory2',
      urlVariable: 'ORDER_HISTORY_2_URL',
      story: 'ORDER-HISTORY-2',
      configKey: "'order-history-2'",
    })
  })

  test.each(['Shop', 'order_history', '2shop', 'shop-', 'order--history', '', 'shop history'])(
    'refuses %j, saying what a name may be',
    (name) => {
      expect(() => domainNames(name)).toThrow(
        `"${name}" is not a domain name: use lower-case letters, digits and hyphens, starting with a letter, ` +
          'e.g. orders or order-history',
      )
    },
  )

  test('refuses a name whose DSL would not be a binding of its own', () => {
    expect(() => domainNames('new')).toThrow(
      '"new" cannot be a domain name: its DSL is used as this.use(new), and new is a reserved word in JavaScript; ' +
        'choose another, e.g. news or my-new',
    )
    expect(() => domainNames('item')).toThrow(
      '"item" cannot be a domain name: its DSL is used as this.use(item), and the generated step glue names a ' +
        'parameter item; choose another, e.g. items or my-item',
    )
  })
})
