import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A generated suite: feature files in a temporary directory, which is the
 * working directory of every cucumber run of it.
 *
 * @example
 *   const suite = generateAccountsSuite(1000)
 *   suite.scenarios // 1000; suite.steps // 5000
 *   suite.remove()
 */
export interface GeneratedSuite {
  readonly dir: string
  readonly scenarios: number
  readonly steps: number
  /** Deletes the directory and everything in it. */
  remove(): void
}

const scenariosPerFeature = 20

/**
 * The overhead suite: `scenarios` scenarios of five trivial steps — two
 * accounts opened, a deposit, a transfer and a balance check — with amounts
 * that differ per scenario.
 *
 * @example
 *   generateAccountsSuite(1000) // 50 feature files of 20 scenarios
 */
export function generateAccountsSuite(scenarios: number): GeneratedSuite {
  return generateSuite('parlance-bench-accounts-', 'Accounts', scenarios, 5, (n) => {
    const deposit = 1000 + n
    const transfer = Math.floor(deposit / 2)
    return [
      `  Scenario: Transfer ${n}`,
      '    Given Alice opens an account',
      '    And Bob opens an account',
      `    When Alice deposits ${pounds(deposit)}`,
      `    And Alice transfers ${pounds(transfer)} to Bob`,
      `    Then Bob's balance is ${pounds(transfer)}`,
    ]
  })
}

/**
 * The parallel suite: `scenarios` scenarios of three steps, each waiting on
 * one request to the slow loopback server.
 *
 * @example
 *   generateVisitsSuite(200).steps // 600
 */
export function generateVisitsSuite(scenarios: number): GeneratedSuite {
  return generateSuite('parlance-bench-visits-', 'Visits', scenarios, 3, (n) => [
    `  Scenario: Two visits ${n}`,
    '    When Alice visits the slow service',
    '    And Alice visits the slow service',
    '    Then the slow service has seen Alice 2 times',
  ])
}

/**
 * Writes a `parlance.config.ts` into the suite: one domain on the `api`
 * channel, no systems, the given support files (absolute paths).
 *
 * @example
 *   declare const suite: GeneratedSuite
 *   writeParlanceConfig(suite, ['/tmp/parlance-bench-x/mark-scenarios.mjs', 'runner/bench/fixtures/accounts/steps.ts'])
 *   // → '/tmp/parlance-bench-…/parlance.config.ts'
 */
export function writeParlanceConfig(suite: GeneratedSuite, support: readonly string[]): string {
  const file = join(suite.dir, 'parlance.config.ts')
  const config = { domains: { accounts: { features: ['features/**/*.feature'], channels: ['api'] } }, support }
  writeFileSync(file, `export default ${JSON.stringify(config, null, 2)}\n`)
  return file
}

function generateSuite(
  prefix: string,
  title: string,
  scenarios: number,
  stepsEach: number,
  scenario: (n: number) => string[],
): GeneratedSuite {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  mkdirSync(join(dir, 'features'))
  // Like a real project's: its .ts files (parlance.config.ts) are ES modules.
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: prefix.replace(/-$/, ''), private: true, type: 'module' })}\n`,
  )
  for (let first = 1; first <= scenarios; first += scenariosPerFeature) {
    const last = Math.min(first + scenariosPerFeature - 1, scenarios)
    const lines = [`Feature: ${title} ${first}–${last}`, '']
    for (let n = first; n <= last; n++) lines.push(...scenario(n), '')
    writeFileSync(
      join(dir, 'features', `${title.toLowerCase()}-${String(first).padStart(5, '0')}.feature`),
      lines.join('\n'),
    )
  }
  return { dir, scenarios, steps: scenarios * stepsEach, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

function pounds(pence: number): string {
  return `£${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`
}
