import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildChannelRun, channelOf, findMessageFiles, readMessageFile } from './index.ts'

const fixtures = fileURLToPath(new URL('../../../runner/gate/fixtures', import.meta.url))
const cck = fileURLToPath(new URL('../../../runner/fixtures/cck', import.meta.url))

describe('reading cucumber messages', () => {
  it('names the channel by the directory of messages.ndjson, else by the file stem', () => {
    expect(channelOf('reports/api/messages.ndjson')).toBe('api')
    expect(channelOf('cck/retry/retry.ndjson')).toBe('retry')
  })

  it('finds *.ndjson in a directory and one level down, not deeper', () => {
    expect(findMessageFiles([`${fixtures}/green`]).map((file) => file.slice(fixtures.length))).toEqual(['/green/api/messages.ndjson', '/green/ui/messages.ndjson'])
    expect(findMessageFiles([fixtures])).toEqual([])
    expect(findMessageFiles([cck])).toHaveLength(46)
    expect(() => findMessageFiles(['nowhere'])).toThrow('nowhere: no such file or directory; pass message files (*.ndjson) or the directory they are in, e.g. reports')
  })

  it('names file:line of a line that is not a message', async () => {
    await expect(readMessageFile(`${fixtures}/unreadable/api/messages.ndjson`)).rejects.toThrow(/unreadable\/api\/messages\.ndjson:2: not a cucumber message: /)
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
      attempts: ['failed', 'passed'],
      status: 'passed',
      flaky: true,
      retriedFailures: ['Given a step that passes the second time\nthe stream was not ready yet'],
    })
  })

  it('reads not-applicable from Parlance outcome attachment', async () => {
    const run = buildChannelRun(await readMessageFile(`${fixtures}/not-applicable/ui/messages.ndjson`))
    expect(run.scenarios[0]).toMatchObject({ status: 'not-applicable', notApplicable: 'amendResult is not applicable: the punter UI has no trader page' })
  })

  it('reads a failed BeforeAll hook of protocol 33 as a problem of the run', async () => {
    const run = buildChannelRun(await readMessageFile(`${cck}/global-hooks-beforeall-error/global-hooks-beforeall-error.ndjson`))
    expect(run.success).toBe(false)
    expect(run.problems).toEqual(['BeforeAll hook (samples/global-hooks-beforeall-error/global-hooks-beforeall-error.ts:7) failed: BeforeAll hook went wrong'])
    expect(run.scenarios[0]?.status).toBe('not-run')
  })
})
