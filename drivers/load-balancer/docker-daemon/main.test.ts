import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { waitUntil } from '../../core/process-group.ts'
import { DockerEngineClient } from './engine-client.ts'

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url))
const running = new Set<ChildProcess>()
const dirs: string[] = []
afterEach(() => {
  for (const child of running) child.kill('SIGKILL')
  running.clear()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

interface Program {
  child: ChildProcess
  lines: string[]
  stderr: () => string
  exited: Promise<number | null>
}

function runMain(args: string[]): Program {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  running.add(child)
  const lines: string[] = []
  let stderr = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => lines.push(...chunk.split('\n').filter(Boolean)))
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => (running.delete(child), resolve(code))),
  )
  return { child, lines, stderr: () => stderr, exited }
}

async function listening(program: Program, count: number): Promise<string[]> {
  if (!(await waitUntil(() => program.lines.length >= count, 10_000)))
    throw new Error(`main.ts printed ${JSON.stringify(program.lines)}; stderr: ${program.stderr()}`)
  return program.lines
}

const alive = (pid: number): boolean => {
  try {
    return process.kill(pid, 0)
  } catch {
    return false
  }
}

// Every live process whose environment names this container, wherever it came from.
function processesOf(containerName: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return (
          readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`CONTAINER_NAME=${containerName}`) &&
          alive(pid)
        )
      } catch {
        return false
      }
    })
}

describe('main.ts, the emulator as its own program', () => {
  it('listens on TCP and a unix socket, serves the Engine API; SIGTERM kills every backend and exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parlance-main-'))
    dirs.push(dir)
    const socketPath = join(dir, 'docker.sock')
    const program = runMain(['--socket', socketPath, '--tcp-port', '0'])
    const [tcpLine = '', socketLine] = await listening(program, 2)
    expect(tcpLine).toMatch(/^docker daemon emulator listening on tcp:\/\/127\.0\.0\.1:\d+$/)
    expect(socketLine).toBe(`docker daemon emulator listening on unix://${socketPath}`)
    const overTcp = new DockerEngineClient({ url: tcpLine.split(' ').pop() ?? '' })
    const overSocket = new DockerEngineClient({ socketPath })
    const pids: number[] = []
    for (const [client, name] of [
      [overTcp, 'main-web-1'],
      [overSocket, 'main-web-2'],
    ] as const) {
      const { Id } = await client.create(name, { Image: 'parlance/backend:latest' })
      await client.start(Id)
      pids.push((await client.inspect(Id)).State.Pid)
    }
    await overSocket.pause('main-web-2')
    expect(pids.map(alive)).toEqual([true, true])
    program.child.kill('SIGTERM')
    expect(await program.exited).toBe(0)
    expect(pids.map(alive)).toEqual([false, false])
  })

  it('leaves no backend behind when SIGTERMed during a container start', async () => {
    const program = runMain(['--tcp-port', '0'])
    const [line = ''] = await listening(program, 1)
    const client = new DockerEngineClient({ url: line.split(' ').pop() ?? '' })
    const name = `main-starting-${process.pid}`
    await client.create(name, { Image: 'parlance/backend:latest' })
    const starting = client.start(name).catch(() => 'cut off')
    await waitUntil(() => processesOf(name).length > 0, 5000)
    program.child.kill('SIGTERM')
    expect(await program.exited).toBe(0)
    await starting
    expect(await waitUntil(() => processesOf(name).length === 0, 2000)).toBe(true)
  })

  it('exits 2 naming a bad option and what is allowed; --help prints the usage', async () => {
    const bad = runMain(['--tcp-port', '70000'])
    expect(await bad.exited).toBe(2)
    expect(bad.stderr()).toBe(
      'docker daemon emulator: --tcp-port: "70000" is not a port; give a whole number from 0 to 65535\nRun ' +
        'with --help for usage.\n',
    )
    const unknown = runMain(['--port', '1'])
    expect(await unknown.exited).toBe(2)
    expect(unknown.stderr()).toContain(
      'unknown option "--port"; allowed options: --socket PATH, --tcp-port PORT, --api-version X.Y, ' +
        '--listen-delay-ms MS, --help',
    )
    const version = runMain(['--tcp-port', '0', '--api-version', 'latest'])
    expect(await version.exited).toBe(2)
    expect(version.stderr()).toContain('--api-version: "latest" is not an API version; give e.g. 1.41 or 1.43')
    const delay = runMain(['--tcp-port', '0', '--listen-delay-ms', '-1'])
    expect(await delay.exited).toBe(2)
    expect(delay.stderr()).toContain(
      '--listen-delay-ms: "-1" is not a delay; give a whole number of milliseconds from 0 to 60000',
    )
    const nowhere = runMain([])
    expect(await nowhere.exited).toBe(2)
    expect(nowhere.stderr()).toContain(
      'nowhere to listen: give --socket PATH, --tcp-port PORT (0 picks a free port) or both',
    )
    const help = runMain(['--help'])
    expect(await help.exited).toBe(0)
    expect(help.lines[0]).toBe(
      'Usage: node --import tsx drivers/load-balancer/docker-daemon/main.ts [--socket PATH] [--tcp-port PORT] ' +
        '[--api-version X.Y] [--listen-delay-ms MS]',
    )
  })
})
