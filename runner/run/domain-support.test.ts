import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { Writable } from 'node:stream'
import type { Envelope } from '@cucumber/messages'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { defineConfig } from '../config/config.ts'
import { scopeSupport, supportPatterns } from './domain-support.ts'

// Two domains that each define "a customer" and a parameter type of their own, and a shared {colour}.
const files: Record<string, string> = {
  'specs/support/shared.mjs': `import { defineParameterType } from '@cucumber/cucumber'
defineParameterType({ name: 'colour', regexp: /red|blue/ })`,
  'specs/racing/steps/steps.mjs': `import { Given, defineParameterType } from '@cucumber/cucumber'
defineParameterType({ name: 'horse', regexp: /[A-Z][a-z]+ [A-Z][a-z]+/ })
Given('a customer', function () {})
Given('{horse} runs', function (horse) {})`,
  'specs/books/steps/steps.mjs': `import { Given, Then, defineParameterType } from '@cucumber/cucumber'
import { appendFileSync } from 'node:fs'
defineParameterType({ name: 'isbn', regexp: /\\d{13}/ })
Given('a customer', function () { appendFileSync(process.env.RAN_LOG, 'books customer ' + process.pid + '\\n') })
Then('{isbn} is in stock', function (isbn) {})`,
  'specs/books/shop.feature': `Feature: Shop
  Scenario: One
    Given a customer
    Then 9780321601919 is in stock
  Scenario: Two
    Given a customer
    When Red Rum buys a red book`,
}

const config = defineConfig({
  domains: {
    racing: { features: ['specs/racing'], channels: ['api'], support: ['specs/racing/steps/**/*.mjs'] },
    books: { features: ['specs/books'], channels: ['api'], support: ['specs/books/steps/**/*.mjs'] },
  },
  support: ['specs/support/**/*.mjs'],
})

let root: string
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'parlance-domain-support-'))
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true })
    writeFileSync(join(root, file), text)
  }
  // The support files import @cucumber/cucumber: resolve it from this repository.
  mkdirSync(join(root, 'node_modules/@cucumber'), { recursive: true })
  symlinkSync(join(process.cwd(), 'node_modules/@cucumber/cucumber'), join(root, 'node_modules/@cucumber/cucumber'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

async function loadBoth() {
  const { loadConfiguration, loadSupport } = await import('@cucumber/cucumber/api')
  const environment = { cwd: root, env: process.env }
  const provided = { paths: ['specs'], import: supportPatterns(config, ['racing', 'books']) }
  const { runConfiguration } = await loadConfiguration({ file: false, provided }, environment)
  return { library: await loadSupport(runConfiguration, environment), runConfiguration }
}

describe('scopeSupport', { timeout: 60_000 }, () => {
  test('supportPatterns: the shared support, then each selected domain’s own', () => {
    expect(supportPatterns(config, ['books'])).toEqual(['specs/support/**/*.mjs', 'specs/books/steps/**/*.mjs'])
  })

  test('a domain’s runs see the shared support and their own: one "a customer", its own snippet types', async () => {
    const { library, runConfiguration } = await loadBoth()
    const books = scopeSupport(library, { root, config, domain: 'books' })
    expect(books.originalCoordinates.importPaths.map((file) => file.slice(root.length + 1))).toEqual([
      'specs/support/shared.mjs',
      'specs/books/steps/steps.mjs',
    ])
    const { runCucumber } = await import('@cucumber/cucumber/api')
    const log = join(root, 'ran.log')
    writeFileSync(log, '')
    const envelopes: Envelope[] = []
    const silent = new Writable({ write: (_chunk, _encoding, done) => done() })
    const environment = { cwd: root, env: { ...process.env, RAN_LOG: log }, stdout: silent, stderr: silent }
    // Two worker processes: each imports only the kept files, and their definitions line up with these.
    const run = { ...runConfiguration, runtime: { ...runConfiguration.runtime, parallel: 2 } }
    await runCucumber({ ...run, support: books }, environment, (envelope) => envelopes.push(envelope))
    const statuses = envelopes.flatMap((e) => (e.testStepFinished ? [e.testStepFinished.testStepResult.status] : []))
    expect(statuses.sort()).toEqual(['PASSED', 'PASSED', 'PASSED', 'UNDEFINED'])
    // The books domain's "a customer" ran, in the two workers (not this process).
    const ran = readFileSync(log, 'utf8').trim().split('\n')
    expect(ran.map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual(['books customer', 'books customer'])
    expect(ran.some((line) => line.endsWith(` ${process.pid}`))).toBe(false)
    const snippets = envelopes.flatMap((e) => e.suggestion?.snippets.map((snippet) => snippet.code) ?? [])
    expect(snippets).toHaveLength(1)
    expect(snippets[0]).toContain("When('Red Rum buys a {colour} book'")
    expect(snippets[0]).not.toContain('{horse}')
  })
})
