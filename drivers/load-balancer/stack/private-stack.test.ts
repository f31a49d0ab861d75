import { execFileSync } from 'node:child_process'
import { afterEach, describe, expect, test } from 'vitest'
import { SystemCompromisedError } from '../../core/errors/system-compromised-error.ts'
import { eventually } from '../../core/eventually.ts'
import { fakeDriverContext, type FakeDriverContext } from '../../core/test-fixtures/fake-driver-context.ts'
import { BalancerAdmin } from '../balancer/balancer-admin.ts'
import { DockerEngineClient } from '../docker-daemon/index.ts'
import { superviseProcess } from '../../core/process-supervisor.ts'
import { startPrivateStack } from './private-stack.ts'
import { daemonProcessSpec } from './stack-commands.ts'

let ctx: FakeDriverContext | undefined

afterEach(async () => {
  // Stops whatever a failed test left running; a no-op once the test has ended the scenario itself.
  await ctx?.endScenario({ failed: false })
  ctx = undefined
})

/** The pids of processes whose command line has every one of `parts`, from `ps`. */
function pidsRunning(...parts: string[]): number[] {
  const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n')
  return lines
    .filter((line) => parts.every((part) => line.includes(part)))
    .map((line) => Number.parseInt(line.trim(), 10))
}

async function refused(url: string): Promise<string> {
  return fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
    (response) => `answered ${response.status}`,
    (error: Error) => `${error.message}: ${(error.cause as NodeJS.ErrnoException | undefined)?.code}`,
  )
}

describe('startPrivateStack', () => {
  test('starts an emulated daemon and a load balancer on it, and points a context at them', {
    timeout: 60_000,
  }, async () => {
    ctx = fakeDriverContext(
      { DOCKER_URL: 'tcp://127.0.0.1:2375', LB_URL: 'http://shared.test', SETTLEMENT_URL: 'http://settlement.test' },
      'http',
    )
    const stack = await startPrivateStack(ctx, { strategy: 'least-connections' })
    const { DOCKER_URL, LB_URL, LB_ADMIN_URL } = stack.urls
    expect([DOCKER_URL, LB_URL, LB_ADMIN_URL]).toEqual([
      expect.stringMatching(/^tcp:\/\/127\.0\.0\.1:\d+$/),
      expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    ])
    expect(new Set([DOCKER_URL, LB_URL, LB_ADMIN_URL].map((url) => new URL(url).port)).size).toBe(3)
    expect(ctx.logLines).toEqual([
      `private load balancer ${LB_URL} (admin ${LB_ADMIN_URL}, least-connections) on a Docker daemon of its own ` +
        DOCKER_URL,
    ])
    expect(stack.ownDaemon).toBe(true)

    const own = stack.context(ctx)
    expect(
      ['DOCKER_URL', 'LB_URL', 'LB_ADMIN_URL', 'SETTLEMENT_URL', 'OTHER_URL'].map((name) => own.systemUrl(name)),
    ).toEqual([DOCKER_URL, LB_URL, LB_ADMIN_URL, 'http://settlement.test', 'http://unset.invalid/OTHER_URL'])
    expect([own.channel, ctx.systemUrl('DOCKER_URL')]).toEqual(['http', 'tcp://127.0.0.1:2375'])

    expect(await new DockerEngineClient({ url: DOCKER_URL }).list({ all: true })).toEqual([])
    await eventually(async () => (await new BalancerAdmin(LB_ADMIN_URL).status()).discovery.connected, {
      timeout: 10_000,
      interval: 50,
      description: 'the private load balancer to connect to its daemon',
    })
    expect(await refused(`${LB_URL}/`)).toMatch(/^answered \d{3}$/)
    expect(pidsRunning('examples/load-balancer/main.ts', DOCKER_URL, 'least-connections')).toHaveLength(1)
  })

  test("with daemon: 'shared', only the load balancer is the scenario's own; the run's daemon outlives it", {
    timeout: 60_000,
  }, async () => {
    const shared = superviseProcess(daemonProcessSpec('docker-daemon (shared)'))
    try {
      const sharedUrl = (await shared.start()).address!
      ctx = fakeDriverContext({ DOCKER_URL: sharedUrl }, 'http')
      const stack = await startPrivateStack(ctx, { strategy: 'least-connections', daemon: 'shared' })
      expect([stack.urls.DOCKER_URL, stack.ownDaemon]).toEqual([sharedUrl, false])
      expect(ctx.logLines).toEqual([
        `private load balancer ${stack.urls.LB_URL} (admin ${stack.urls.LB_ADMIN_URL}, least-connections) on ` +
          `the run's Docker daemon ${sharedUrl}`,
      ])
      await ctx.endScenario({ failed: false })
      expect(await refused(`${stack.urls.LB_URL}/`)).toBe('fetch failed: ECONNREFUSED')
      expect(await new DockerEngineClient({ url: sharedUrl }).list({ all: true })).toEqual([])
    } finally {
      await shared.stop()
    }
  })

  test('when the scenario ends both processes stop, and on failure their output is attached', {
    timeout: 60_000,
  }, async () => {
    ctx = fakeDriverContext({}, 'http')
    const { urls } = await startPrivateStack(ctx, { strategy: 'round-robin' })
    const [balancer] = pidsRunning('examples/load-balancer/main.ts', urls.DOCKER_URL, 'round-robin')
    expect(balancer).toBeGreaterThan(0)
    await ctx.endScenario({ failed: true })

    expect(await refused(`${urls.LB_ADMIN_URL}/_lb/status`)).toBe('fetch failed: ECONNREFUSED')
    expect(await refused(`${urls.LB_URL}/`)).toBe('fetch failed: ECONNREFUSED')
    await expect(new DockerEngineClient({ url: urls.DOCKER_URL }).list()).rejects.toThrow(SystemCompromisedError)
    expect(pidsRunning('examples/load-balancer/main.ts', urls.DOCKER_URL)).toEqual([])
    expect(() => process.kill(balancer!, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }))

    expect(ctx.attachments.map(({ mediaType, fileName }) => [mediaType, fileName])).toEqual([
      ['text/plain', 'private-load-balancer-stack.log'],
    ])
    const log = String(ctx.attachments[0]!.data)
    expect(log).toContain(`docker daemon emulator listening on ${urls.DOCKER_URL}`)
    expect(log).toContain(`load balancer listening on ${urls.LB_URL}`)
    expect(log).toContain('\n---\n')
  })

  test('masks the credentials and the token of the daemon address in its start error and its attached log', {
    timeout: 60_000,
  }, async () => {
    ctx = fakeDriverContext({ DOCKER_URL: 'tcp://ci:pa55-word@127.0.0.1:1/?token=tok-0123456' }, 'http')
    const error = await startPrivateStack(ctx, { strategy: 'round-robin', daemon: 'shared' }).then(
      () => new Error('expected the private stack not to start'),
      (thrown: unknown) => thrown as Error,
    )
    expect(error).toBeInstanceOf(SystemCompromisedError)
    expect(error.message).toContain(' --docker-host tcp://****:****@127.0.0.1:1/?token=**** --strategy round-robin)')
    expect(error.message.slice(error.message.indexOf('Its last'))).toBe(
      'Its last 2 lines of output:\n' +
        '  [stderr] load-balancer: --docker-host "tcp://****:****@127.0.0.1:1/?token=****": a tcp address needs a ' +
        'host and a port; accepted forms: unix:///path/to/docker.sock or tcp://HOST:PORT ' +
        '(e.g. tcp://127.0.0.1:2375)\n' +
        '  [stderr] Run load-balancer --help for the options.',
    )
    await ctx.endScenario({ failed: true })
    const log = String(ctx.attachments.find((a) => a.fileName === 'private-load-balancer-stack.log')?.data)
    expect(log).toContain('[stderr] load-balancer: --docker-host "tcp://****:****@127.0.0.1:1/?token=****"')
    expect(`${error.message}${log}`).not.toMatch(/pa55-word|tok-0123456/)
  })
})
