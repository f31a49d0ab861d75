import { spawn } from 'node:child_process'
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { ProjectProcesses } from './project-processes.ts'

let dir: string
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('ProjectProcesses', () => {
  test('names a recorded process still running in the project, spares the deployed one, and kills both', async () => {
    dir = mkdtempSync(join(tmpdir(), 'parlance-processes-'))
    mkdirSync(join(dir, 'state'))
    const sleeper = () => spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { cwd: dir, stdio: 'ignore' })
    const [worker, deployed] = [sleeper(), sleeper()]
    appendFileSync(join(dir, 'state', 'workers.log'), `${worker.pid}\n`)
    appendFileSync(join(dir, 'state', 'system-starts.log'), `${deployed.pid}\n`)
    const processes = new ProjectProcesses(dir, join(dir, 'state'), 200)
    processes.spare(deployed.pid!)

    expect(await processes.leftovers()).toEqual([`a process that ran scenarios (pid ${worker.pid})`])
    const exits = [worker, deployed].map(
      (child) => new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal))),
    )
    processes.killAll()
    expect(await Promise.all(exits)).toEqual(['SIGKILL', 'SIGKILL'])
    expect(await processes.leftovers()).toEqual([])
  })
})
