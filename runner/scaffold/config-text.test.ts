import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterEach, describe, expect, test } from 'vitest'
import { validateConfig } from '../config/validate-config.ts'
import { appendEntry, findObject } from './config-text.ts'
import { addDomainToConfig } from './domain-entry.ts'
import { domainNames } from './domain-names.ts'

const repoConfig = fileURLToPath(new URL('../../parlance.config.ts', import.meta.url))
const billingEntry = [
  '    billing: {',
  "      features: ['specs/billing/**/*.feature'],",
  "      channels: ['api', 'ui'],",
  "      support: ['specs/billing/steps/**/*.ts'],",
  '    },',
]

let dir: string | undefined
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

describe('parlance new domain on a copy of this repository’s parlance.config.ts', () => {
  test('adds the entry as the last of its domains and changes nothing else', () => {
    const text = readFileSync(repoConfig, 'utf8')
    const lines = text.split('\n')
    const domainsLine = lines.indexOf('  domains: {')
    const closing = lines.indexOf('  },', domainsLine)
    expect(domainsLine).toBeGreaterThan(0)
    const expected = [...lines.slice(0, closing), ...billingEntry, ...lines.slice(closing)].join('\n')

    expect(addDomainToConfig(text, domainNames('billing'), ['api', 'ui'], undefined)).toEqual({ text: expected })
  })

  test('the config it writes loads, and has the new domain after the others', async () => {
    const text = readFileSync(repoConfig, 'utf8')
    const edit = addDomainToConfig(text, domainNames('order-history'), ['api'], {
      name: 'settlement',
      addAddress: true,
    })
    if (!('text' in edit)) throw new Error(`no place for the entry: ${edit.paste}`)
    dir = mkdtempSync(join(tmpdir(), 'parlance-config-'))
    const file = join(dir, 'parlance.config.ts')
    const configModule = pathToFileURL(fileURLToPath(new URL('../config/config.ts', import.meta.url))).href
    writeFileSync(file, edit.text.replace("from './runner/config/config.ts'", `from '${configModule}'`))

    const { default: loaded } = (await import(pathToFileURL(file).href)) as { default: unknown }
    const config = validateConfig(loaded, 'parlance.config.ts')
    const { default: original } = (await import(pathToFileURL(repoConfig).href)) as { default: typeof config }

    expect(Object.keys(config.domains)).toEqual([...Object.keys(original.domains), 'order-history'])
    expect(config.domains['order-history']).toEqual({
      features: ['specs/order-history/**/*.feature'],
      channels: ['api'],
      systems: ['settlement'],
      support: ['specs/order-history/steps/**/*.ts'],
    })
    expect(config.systems?.settlement?.env).toEqual({ SETTLEMENT_URL: '{address}', ORDER_HISTORY_URL: '{address}' })
  })
})

describe('findObject', () => {
  const text = [
    "import { defineConfig } from 'parlance/runner'",
    '// domains: { in a comment',
    'export default defineConfig({',
    "  support: ['{ domains: {'], // a string",
    '  systems: {',
    "    'my-stub': { args: [/\\{domains: \\{/.source], env: { A_URL: '{address}' } },",
    '  },',
    '  domains: {',
    "    shop: { channels: ['api'], env: {} },",
    '  },',
    '})',
    '',
  ].join('\n')

  test('finds a key in the code, quoted or not, never in a comment, a string or a regular expression', () => {
    const domains = findObject(text, ['domains'])
    expect(domains && text.slice(domains.open, domains.close + 1)).toBe(
      "{\n    shop: { channels: ['api'], env: {} },\n  }",
    )
    const env = findObject(text, ['systems', 'my-stub', 'env'])
    expect(env && text.slice(env.open, env.close + 1)).toBe("{ A_URL: '{address}' }")
  })

  test('finds an entry of the object before only, not one nested deeper', () => {
    expect(findObject(text, ['systems', 'env'])).toBeUndefined()
    expect(findObject(text, ['domains', 'shop', 'env'])).toEqual({
      open: text.indexOf('{}'),
      close: text.indexOf('{}') + 1,
    })
    expect(findObject(text, ['gate'])).toBeUndefined()
  })
})

describe('appendEntry', () => {
  test('indents as the entries are, and adds the comma the last one lacks', () => {
    const text = 'x({\n\tdomains: {\n\t\ta: {} // the first\n\t}\n})\n'
    expect(appendEntry(text, findObject(text, ['domains'])!, ['b: {},'])).toBe(
      'x({\n\tdomains: {\n\t\ta: {}, // the first\n\t\tb: {},\n\t}\n})\n',
    )
  })

  test('in an empty object, indents two more than its closing brace', () => {
    const text = 'x({\n  env: {\n  },\n})\n'
    expect(appendEntry(text, findObject(text, ['env'])!, ["A_URL: '{address}',"])).toBe(
      "x({\n  env: {\n    A_URL: '{address}',\n  },\n})\n",
    )
  })

  test('has no place for lines in an object written on one line, but for one line', () => {
    const text = "x({ domains: { shop: { channels: ['api'] } }, env: {}, more: { A: 1, } })\n"
    expect(appendEntry(text, findObject(text, ['domains'])!, ['b: {', '},'])).toBeUndefined()
    expect(appendEntry(text, findObject(text, ['domains'])!, ['b: {},'])).toBe(
      "x({ domains: { shop: { channels: ['api'] }, b: {} }, env: {}, more: { A: 1, } })\n",
    )
    expect(appendEntry(text, findObject(text, ['env'])!, ['B: 2,'])).toBe(
      "x({ domains: { shop: { channels: ['api'] } }, env: { B: 2 }, more: { A: 1, } })\n",
    )
    expect(appendEntry(text, findObject(text, ['more'])!, ['B: 2,'])).toBe(
      "x({ domains: { shop: { channels: ['api'] } }, env: {}, more: { A: 1, B: 2 } })\n",
    )
  })
})

describe('addDomainToConfig', () => {
  test('with no place for the entry, gives what to paste', () => {
    const text = "x({\n  systems: {\n    stub: { env: { SHOP_URL: '{address}' } },\n  },\n  domains: {},\n})\n"
    expect(addDomainToConfig(text, domainNames('orders'), ['api'], { name: 'stub', addAddress: true })).toEqual({
      paste: [
        'In domains:',
        '  orders: {',
        "    features: ['specs/orders/**/*.feature'],",
        "    channels: ['api'],",
        "    systems: ['stub'],",
        "    support: ['specs/orders/steps/**/*.ts'],",
        '  },',
        'In systems.stub.env:',
        "  ORDERS_URL: '{address}',",
      ].join('\n'),
    })
  })
})
