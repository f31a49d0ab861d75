import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HttpClient } from '../../drivers/core/http-client.ts'
import { createHttpTestServer } from '../../drivers/core/test-fixtures/http-test-server.ts'
import { ParlanceWorld } from '../../dsl/core/cucumber/parlance-world.ts'
import { settleStepError } from '../../dsl/core/cucumber/step-errors.ts'
import { runGate } from './run-gate.ts'

const failedRun = fileURLToPath(new URL('./fixtures/failed/api/messages.ndjson', import.meta.url))
const secrets = /pa55-word|tok-0123456|key-0123456789/

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parlance-masked-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

interface Attached {
  data: string
  options: { mediaType: string; fileName?: string }
}

// What a scenario that failed on a refused request leaves behind, made by the real client and World: the step's
// error and the World's attachments (http-exchanges.json from the client, driver.log from the World).
async function failedRequest(): Promise<{ error: Error; attached: Attached[] }> {
  const attached: Attached[] = []
  const world = new ParlanceWorld({
    attach: ((data: string, options: Attached['options']) => attached.push({ data, options })) as never,
    log: () => {},
    link: () => {},
    parameters: {},
  })
  const closed = await createHttpTestServer(() => {})
  await closed.close()
  const http = new HttpClient(world.driverContext, {
    baseUrl: closed.url.replace('http://', 'http://ci:pa55-word@'),
    headers: { 'x-api-key': 'key-0123456789' },
  })
  let error: Error | undefined
  try {
    await http
      .get('/bets', { query: { token: 'tok-0123456' } })
      .catch((thrown: unknown) => settleStepError(world, thrown))
  } catch (thrown) {
    error = thrown as Error
  }
  await world.resources.disposeAll({
    failed: true,
    attach: (data, mediaType, fileName) => world.driverContext.attach(data, mediaType, fileName),
  })
  world.driverContext.attach(world.loggedLines.join('\n'), 'text/plain', 'driver.log')
  return { error: error!, attached }
}

// The fixture's failed run, its failed step given this error and these attachments, as cucumber's message formatter
// writes them.
function runWith(error: Error, attached: Attached[]): string {
  const envelopes = readFileSync(failedRun, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, Record<string, unknown>>)
  return envelopes
    .flatMap((envelope) => {
      const finished = envelope.testStepFinished as
        | { testCaseStartedId: string; testStepId: string; testStepResult: Record<string, unknown> }
        | undefined
      if (finished?.testStepResult.status !== 'FAILED') return [envelope]
      const { testCaseStartedId, testStepId } = finished
      finished.testStepResult.message = error.stack
      finished.testStepResult.exception = { type: error.name, message: error.message, stackTrace: error.stack }
      const attachments = attached.map(({ data, options }) => ({
        attachment: { testCaseStartedId, testStepId, body: data, contentEncoding: 'IDENTITY', ...options },
      }))
      return [...attachments, envelope]
    })
    .map((envelope) => JSON.stringify(envelope))
    .join('\n')
}

describe('the reports of a run whose request carried secrets', () => {
  it('show the request, its error and its attachments with the secrets masked', async () => {
    const { error, attached } = await failedRequest()
    expect(error.message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/bets\?token=\*\*\*\* failed: connection refused/)
    expect(attached.map(({ options }) => options.fileName)).toEqual(['http-exchanges.json', 'driver.log'])
    const input = join(dir, 'run', 'api', 'messages.ndjson')
    mkdirSync(join(dir, 'run', 'api'), { recursive: true })
    writeFileSync(input, `${runWith(error, attached)}\n`)

    expect(await runGate({ inputs: [join(dir, 'run')], reportsDir: join(dir, 'reports') }, () => {})).toBe(1)
    const report = (name: string): string => readFileSync(join(dir, 'reports', name), 'utf8')
    expect(report('dod.md')).toContain('/bets?token=**** failed: connection refused')
    expect(report('dod.html')).toContain('&quot;x-api-key&quot;: &quot;****&quot;')
    expect(report('dod.html')).toContain('/bets?token=**** → connection refused')
    expect(report('junit.xml')).toContain('/bets?token=**** failed: connection refused')
    expect(report('report.html')).toContain('token=****')
    for (const name of ['dod.md', 'dod.html', 'junit.xml', 'report.html', 'merged.ndjson'])
      expect(report(name), name).not.toMatch(secrets)
  })
})
