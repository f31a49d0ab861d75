import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { ConfigurationError } from './errors/configuration-error.ts'
import { SystemCompromisedError } from './errors/system-compromised-error.ts'
import { eventually } from './eventually.ts'
import { isProcessAlive } from './process-group.ts'
import { liveGroups } from './process-registry.ts'
import {
  stopAllProcesses,
  superviseProcess,
  type ExitInfo,
  type ProcessSpec,
  type SupervisedProcess,
  type UnexpectedExit,
} from './process-supervisor.ts'

const fixtures = join(import.meta.dirname, 'test-fixtures')
const listening = /listening on (\S+)/
const seenPids = new Set<number>()

function tinyServer(flags: string[] = [], spec: Partial<ProcessSpec> = {}): SupervisedProcess {
  return superviseProcess({
    name: 'tiny-server',
    command: 'node',
    args: ['tiny-server.mjs', ...flags],
    cwd: fixtures,
    ready: { log: listening },
    ...spec,
  })
}

async function start(server: SupervisedProcess): Promise<{ address: string; pid: number }> {
  const { address, pid } = await server.start()
  seenPids.add(pid)
  return { address: address ?? '', pid }
}

async function failureOf(server: SupervisedProcess): Promise<Error> {
  const starting = server.start()
  if (server.pid !== undefined) seenPids.add(server.pid)
  return starting.then(
    () => {
      throw new Error('expected start() to fail')
    },
    (error: unknown) => error as Error,
  )
}

function grandchildOf(server: SupervisedProcess): number {
  const pid = Number(/grandchild (\d+)/.exec(server.lastLines().join('\n'))?.[1])
  seenPids.add(pid)
  return pid
}

function stateOf(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0] ?? ''
}

afterEach(async () => {
  await stopAllProcesses()
})

afterAll(() => {
  expect(liveGroups()).toEqual([])
  expect([...seenPids].filter(isProcessAlive)).toEqual([])
})

describe('superviseProcess', () => {
  it('starts a process, gives the address its ready line captured, and stops it with SIGTERM', async () => {
    const server = tinyServer()
    const { address, pid } = await start(server)
    expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(await server.start()).toEqual({
      address,
      match: expect.arrayContaining([`listening on ${address}`, address]) as unknown,
      pid,
    })
    expect(await (await fetch(address)).text()).toBe(`hello from ${pid}`)
    expect([server.running, server.pid]).toEqual([true, pid])

    expect(await server.stop()).toEqual({ code: null, signal: 'SIGTERM' })
    expect([server.running, server.pid, isProcessAlive(pid)]).toEqual([false, undefined, false])
  })

  it('also waits for a URL to answer 2xx, using the captured address', async () => {
    const server = tinyServer([], { ready: { log: listening, url: '{address}/health' } })
    const { address } = await start(server)
    expect((await fetch(`${address}/health`)).status).toBe(200)
  })

  it('kills with SIGKILL and tells the exit listeners', async () => {
    const server = tinyServer()
    await start(server)
    const exits: ExitInfo[] = []
    server.onExit((exit) => exits.push(exit))
    const unsubscribe = server.onExit(() => exits.push({ code: -1, signal: null }))
    unsubscribe()
    expect(await server.kill()).toEqual({ code: null, signal: 'SIGKILL' })
    expect(exits).toEqual([{ code: null, signal: 'SIGKILL' }])
  })

  it('stops with SIGKILL a process that ignores SIGTERM for longer than stopTimeoutMs', async () => {
    const server = tinyServer(['--ignore-sigterm'], { stopTimeoutMs: 200 })
    await start(server)
    expect(await server.stop()).toEqual({ code: null, signal: 'SIGKILL' })
  })

  it('restarts as a new process that answers', async () => {
    const server = tinyServer()
    const before = await start(server)
    const after = await server.restart()
    seenPids.add(after.pid)
    expect(after.pid).not.toBe(before.pid)
    expect(isProcessAlive(before.pid)).toBe(false)
    expect(await (await fetch(after.address ?? '')).text()).toBe(`hello from ${after.pid}`)
  })

  it.runIf(process.platform === 'linux')('pauses the whole process group and resumes it', async () => {
    const server = tinyServer(['--grandchild'])
    const { address, pid } = await start(server)
    const grandchild = grandchildOf(server)
    server.pause()
    await eventually(() => [stateOf(pid), stateOf(grandchild)].join() === 'T,T', {
      timeout: '2s',
      description: 'both processes to be stopped',
    })
    server.resume()
    await eventually(() => ![stateOf(pid), stateOf(grandchild)].includes('T'), {
      timeout: '2s',
      description: 'both processes to run again',
    })
    expect(await (await fetch(address)).text()).toBe(`hello from ${pid}`)
  })

  it('stops the grandchildren with the group', async () => {
    const server = tinyServer(['--grandchild'])
    await start(server)
    const grandchild = grandchildOf(server)
    expect(isProcessAlive(grandchild)).toBe(true)
    await server.stop()
    expect(isProcessAlive(grandchild)).toBe(false)
  })

  it('kills the children of a process that died by itself', async () => {
    const server = tinyServer(['--grandchild'])
    const { pid } = await start(server)
    const grandchild = grandchildOf(server)
    const exited = new Promise<ExitInfo>((resolve) => server.onExit(resolve))
    process.kill(pid, 'SIGKILL')
    expect(await exited).toEqual({ code: null, signal: 'SIGKILL' })
    await eventually(() => !isProcessAlive(grandchild), {
      timeout: '2s',
      description: 'the orphaned grandchild to be killed',
    })
    expect(liveGroups()).toEqual([])
  })

  it('reports a ready process killed from outside: its name, pid, signal and when', async () => {
    const server = tinyServer()
    const { pid } = await start(server)
    const unexpected = new Promise<UnexpectedExit>((resolve) => server.onUnexpectedExit(resolve))
    process.kill(pid, 'SIGKILL')
    expect(await unexpected).toEqual({
      name: 'tiny-server',
      pid,
      code: null,
      signal: 'SIGKILL',
      at: expect.any(Date) as unknown,
    })
  })

  it('reports a ready process that exits by itself, with its exit code', async () => {
    const server = tinyServer()
    const { address, pid } = await start(server)
    const unexpected = new Promise<UnexpectedExit>((resolve) => server.onUnexpectedExit(resolve))
    await fetch(`${address}/exit`)
    expect(await unexpected).toEqual({
      name: 'tiny-server',
      pid,
      code: 4,
      signal: null,
      at: expect.any(Date) as unknown,
    })
  })

  it('does not report an exit it was asked for, nor one before the process was ready', async () => {
    const reported: UnexpectedExit[] = []
    const server = tinyServer()
    server.onUnexpectedExit((exit) => reported.push(exit))
    await start(server)
    await server.stop()
    await start(server)
    await server.kill()
    await server.restart()
    seenPids.add(server.pid!)
    await server.stop()
    const early = tinyServer(['--exit-early'])
    early.onUnexpectedExit((exit) => reported.push(exit))
    await failureOf(early)
    expect(reported).toEqual([])
  })

  it('SIGKILLs every live group when this process exits', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      join(fixtures, 'supervise-then-exit.ts'),
    ])
    const { pid, grandchild } = JSON.parse(stdout) as { pid: number; grandchild: number }
    seenPids.add(pid).add(grandchild)
    await eventually(() => !isProcessAlive(pid) && !isProcessAlive(grandchild), {
      timeout: '2s',
      description: 'the abandoned processes to die',
    })
  })

  it('stops every live process on stopAllProcesses()', async () => {
    const [first, second] = [tinyServer(), tinyServer()]
    await Promise.all([start(first), start(second)])
    await stopAllProcesses()
    expect([first.running, second.running, liveGroups()]).toEqual([false, false, []])
  })
})

describe('superviseProcess failures', () => {
  it('says how a process that exits before it is ready ended, and what it wrote', async () => {
    const error = await failureOf(tinyServer(['--exit-early']))
    expect(error).toBeInstanceOf(SystemCompromisedError)
    expect(error.message).toBe(
      'Process "tiny-server" (node tiny-server.mjs --exit-early) exited with code 3 before it was ready ' +
        '(waiting for a log line matching /listening on (\\S+)/). ' +
        'Its last 2 lines of output:\n  [stderr] starting up\n  [stderr] Error: the database is gone',
    )
  })

  it('masks the secrets in the command line and the output it quotes', async () => {
    const error = await failureOf(tinyServer(['--leak-secrets', '--api-key=key-0123456789']))
    expect(error.message).toBe(
      'Process "tiny-server" (node tiny-server.mjs --leak-secrets --api-key=****) exited with code 3 before it was ' +
        'ready (waiting for a log line matching /listening on (\\S+)/). Its last 2 lines of output:\n' +
        '  [stderr] connecting to postgres://****:****@db:5432/ledger?sslmode=require&password=****\n' +
        '  [stderr] Authorization: Bearer ****',
    )
  })

  it('stops a process that is not ready in time and says what it waited for', async () => {
    const server = tinyServer(['--never-ready'], { readyTimeoutMs: 1000 })
    const error = await failureOf(server)
    expect(error).toBeInstanceOf(SystemCompromisedError)
    expect(error.message).toBe(
      'Process "tiny-server" (node tiny-server.mjs --never-ready) was not ready within 1s (waiting for a log ' +
        'line matching /listening on (\\S+)/), so it was stopped. ' +
        'If it is just slow, raise readyTimeoutMs; otherwise check the ready pattern against its output. Its ' +
        'last 1 line of output:\n  [stdout] warming up',
    )
    expect(server.running).toBe(false)
  })

  it('says what the ready URL answered last', async () => {
    const error = await failureOf(
      tinyServer(['--unhealthy'], { ready: { log: listening, url: '{address}/health' }, readyTimeoutMs: 1000 }),
    )
    expect(error.message.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT')).toBe(
      'Process "tiny-server" (node tiny-server.mjs --unhealthy) was not ready within 1s ' +
        '(waiting for a log line matching /listening on (\\S+)/, then http://127.0.0.1:PORT/health to answer ' +
        '2xx; last: it answered 503), so it was stopped. ' +
        'If it is just slow, raise readyTimeoutMs; otherwise check the ready pattern against its output. Its ' +
        'last 1 line of output:\n  [stdout] listening on http://127.0.0.1:PORT',
    )
  })

  it('says when the command cannot be started', async () => {
    const error = await failureOf(superviseProcess({ name: 'ghost', command: 'no-such-command-xyz', cwd: fixtures }))
    expect(error).toBeInstanceOf(ConfigurationError)
    expect(error.message).toBe(
      `Process "ghost" could not be started: spawn no-such-command-xyz ENOENT. Check that the command ` +
        `"no-such-command-xyz" exists (on the PATH) and the working directory "${fixtures}" exists.`,
    )
  })

  it('rejects a ready URL that uses {address} when nothing captures it', () => {
    expect(() =>
      superviseProcess({ name: 'engine', command: 'node', ready: { log: /listening/, url: '{address}/health' } }),
    ).toThrow(
      'superviseProcess: "engine": ready.url "{address}/health" uses {address}, but ready.log /listening/ has ' +
        'no capture group; capture the address, e.g. /listening on (http:\\S+)/',
    )
  })

  it('cannot pause a process that is not running', async () => {
    const server = tinyServer()
    expect(() => server.pause()).toThrow(
      'Cannot pause process "tiny-server": it is not running (it was never started).',
    )
    await start(server)
    await server.kill()
    expect(() => server.resume()).toThrow(
      'Cannot resume process "tiny-server": it is not running (it was killed by SIGKILL).',
    )
  })
})
