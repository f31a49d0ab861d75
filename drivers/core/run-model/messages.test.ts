import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildChannelRun, channelOf, findMessageFiles, parseMessages, readMessageFile } from './index.ts'

const fixtures = fileURLToPath(new URL('../../../runner/gate/fixtures', import.meta.url))
const cck = fileURLToPath(new URL('../../../runner/fixtures/cck', import.meta.url))

describe('reading cucumber messages', () => {
  it('names the channel by the directory of messages.ndjson, else by the file stem', () => {
    expect(channelOf('reports/api/messages.ndjson')).toBe('api')
    expect(channelOf('cck/retry/retry.ndjson')).toBe('retry')
  })

  it('finds *.ndjson in a directory and two levels down (<domain>/<channel>/), not deeper', () => {
    expect(findMessageFiles([`${fixtures}/green`]).map((file) => file.slice(fixtures.length))).toEqual([
      '/green/api/messages.ndjson',
      '/green/ui/messages.ndjson',
    ])
    expect(findMessageFiles([fixtures]).map((file) => file.slice(fixtures.length))).toContain(
      '/green/ui/messages.ndjson',
    )
    const tree = mkdtempSync(join(tmpdir(), 'parlance-find-messages-'))
    try {
      for (const dir of ['shop/api', 'shop/api/old']) mkdirSync(join(tree, dir), { recursive: true })
      for (const file of ['top.ndjson', 'shop/one.ndjson', 'shop/api/messages.ndjson', 'shop/api/old/deep.ndjson'])
        writeFileSync(join(tree, file), '')
      expect(findMessageFiles([tree]).map((file) => file.slice(tree.length))).toEqual([
        '/shop/api/messages.ndjson',
        '/shop/one.ndjson',
        '/top.ndjson',
      ])
    } finally {
      rmSync(tree, { recursive: true, force: true })
    }
    expect(findMessageFiles([cck])).toHaveLength(46)
    expect(() => findMessageFiles(['nowhere'])).toThrow(
      'nowhere: no such file or directory; pass message files (*.ndjson) or the directory they are in, e.g. reports',
    )
  })

  it('masks the secrets of errors and text attachments that reached the messages unmasked, not the spec', () => {
    const lines = [
      { pickle: { id: 'p1', name: 'Paying with token=in-the-spec', steps: [] } },
      {
        testStepFinished: {
          testStepResult: {
            status: 'FAILED',
            message: 'Error: GET http://ci:pa55-word@h/bets?token=t0k failed',
            exception: { type: 'Error', message: 'GET /bets?token=t0k failed', stackTrace: 'Error: token=t0k\n at x' },
          },
        },
      },
      { testRunFinished: { success: false, exception: { type: 'Error', message: 'Authorization: Bearer eyJhbGci' } } },
      { attachment: { body: 'POST /login?password=hunter2', contentEncoding: 'IDENTITY', mediaType: 'text/plain' } },
      { attachment: { body: 'dG9rZW49dDBr', contentEncoding: 'BASE64', mediaType: 'image/png' } },
    ]
    const envelopes = parseMessages(lines.map((line) => JSON.stringify(line)).join('\n'), 'api/messages.ndjson')
    const [pickle, step, run, text, image] = envelopes
    const result = step?.testStepFinished?.testStepResult
    expect([
      pickle?.pickle?.name,
      result?.message,
      result?.exception?.message,
      result?.exception?.stackTrace,
      run?.testRunFinished?.exception?.message,
      text?.attachment?.body,
      image?.attachment?.body,
    ]).toEqual([
      'Paying with token=in-the-spec',
      'Error: GET http://****:****@h/bets?token=**** failed',
      'GET /bets?token=**** failed',
      'Error: token=****\n at x',
      'Authorization: Bearer ****',
      'POST /login?password=****',
      'dG9rZW49dDBr',
    ])
  })

  it('names file:line of a line that is not a message', async () => {
    await expect(readMessageFile(`${fixtures}/unreadable/api/messages.ndjson`)).rejects.toThrow(
      /unreadable\/api\/messages\.ndjson:2: not a cucumber message: /,
    )
  })

  it('builds each attempt of a retried scenario, its lineage and its failure', async () => {
    const run = buildChannelRun(await readMessageFile(`${fixtures}/flaky/api/messages.ndjson`))
    const [scenario] = run.scenarios
    expect(run).toMatchObject({ channel: 'api', success: true, problems: [] })
    expect(scenario).toMatchObject({
      key: 'features/flaky.feature:6',
      name: 'Settling a result',
      tags: ['@story:GATE-6'],
      feature: { name: 'Streams', storyId: 'GATE-6', rules: [{ name: 'A result is settled once', line: 4 }] },
      rule: { name: 'A result is settled once', line: 4 },
      status: 'passed',
      flaky: true,
      retriedFailures: ['Given a step that passes the second time\nthe stream was not ready yet'],
    })
    expect(
      scenario?.attempts.map((attempt) => [
        attempt.status,
        attempt.failureKind,
        attempt.steps.map((step) => [step.text, step.status, step.error]),
      ]),
    ).toEqual([
      ['failed', 'error', [['Given a step that passes the second time', 'failed', 'the stream was not ready yet']]],
      ['passed', undefined, [['Given a step that passes the second time', 'passed', undefined]]],
    ])
  })

  it("keeps each step's attachments with their media type and encoding", async () => {
    const run = buildChannelRun(await readMessageFile(`${cck}/attachments/attachments.ndjson`))
    const attachments = run.scenarios.flatMap((scenario) =>
      scenario.attempts.flatMap((attempt) => attempt.steps.flatMap((step) => step.attachments)),
    )
    expect(attachments.map((attachment) => [attachment.mediaType, attachment.encoding])).toContainEqual([
      'application/pdf',
      'base64',
    ])
    expect(attachments.find((attachment) => attachment.mediaType === 'text/x.cucumber.log+plain')).toMatchObject({
      body: 'hello',
      encoding: 'identity',
    })
    expect(attachments.find((attachment) => attachment.mediaType === 'application/pdf')).toMatchObject({
      encoding: 'base64',
      fileName: 'renamed.pdf',
    })
  })

  it('reads not-applicable from Parlance outcome attachment', async () => {
    const run = buildChannelRun(await readMessageFile(`${fixtures}/not-applicable/ui/messages.ndjson`))
    expect(run.scenarios[0]).toMatchObject({
      status: 'not-applicable',
      notApplicable: 'amendResult is not applicable: the punter UI has no trader page',
    })
  })

  it('reads a failed BeforeAll hook of protocol 33 as a problem of the run', async () => {
    const run = buildChannelRun(
      await readMessageFile(`${cck}/global-hooks-beforeall-error/global-hooks-beforeall-error.ndjson`),
    )
    expect(run.success).toBe(false)
    expect(run.problems).toEqual([
      'BeforeAll hook (samples/global-hooks-beforeall-error/global-hooks-beforeall-error.ts:7) failed: ' +
        'BeforeAll hook went wrong',
    ])
    expect(run.scenarios[0]?.status).toBe('not-run')
  })
})
