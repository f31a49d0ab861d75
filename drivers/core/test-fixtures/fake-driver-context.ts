import type { DriverContext, ScenarioResource } from '../driver-context.ts'

/**
 * One call of `attach`, as recorded by the fake context.
 *
 * @example
 *   const ctx = fakeDriverContext()
 *   const [screenshot] = ctx.attachments
 *   screenshot?.mediaType // 'image/png'
 */
export interface RecordedAttachment {
  data: string | Buffer
  mediaType: string
  fileName: string | undefined
}

/**
 * A DriverContext for tests: records attachments and log lines, and ends the
 * scenario on demand by disposing of tracked resources, last tracked first.
 *
 * @example
 *   declare const server: import('./http-test-server.ts').HttpTestServer
 *   const ctx = fakeDriverContext({ SETTLEMENT_URL: server.url })
 *   await ctx.endScenario({ failed: true }); ctx.attachments[0]?.fileName // 'http-exchanges.json'
 */
export interface FakeDriverContext extends DriverContext {
  readonly attachments: RecordedAttachment[]
  readonly logLines: string[]
  readonly resources: ScenarioResource[]
  endScenario(end: { failed: boolean }): Promise<void>
}

/**
 * Makes a fake DriverContext whose `systemUrl` reads the given map.
 *
 * @example
 *   import { HttpClient } from '../http-client.ts'
 *   const ctx = fakeDriverContext()
 *   new HttpClient(ctx, { baseUrl: 'http://127.0.0.1:41234' })
 */
export function fakeDriverContext(systems: Record<string, string> = {}, channel = 'api'): FakeDriverContext {
  const attachments: RecordedAttachment[] = []
  const logLines: string[] = []
  const resources: ScenarioResource[] = []
  const attach = (data: string | Buffer, mediaType: string, fileName?: string): void => {
    attachments.push({ data, mediaType, fileName })
  }
  return {
    channel,
    attachments,
    logLines,
    resources,
    attach,
    log: (line) => logLines.push(line),
    track: (resource) => resources.push(resource),
    systemUrl: (envName) => systems[envName] ?? `http://unset.invalid/${envName}`,
    dealias: (text) => text,
    setUp: (_what, work) => work(),
    async endScenario({ failed }) {
      for (const resource of resources.splice(0).reverse()) await resource.dispose({ failed, attach })
    },
  }
}
