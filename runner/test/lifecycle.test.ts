import { afterEach, describe, expect, test } from 'vitest'
import { fixture, ParlanceCli } from './run-cli.ts'

let cli: ParlanceCli
afterEach(() => cli.cleanup())

describe('parlance run leaves no process behind', { timeout: 60_000 }, () => {
  test('after a normal run', async () => {
    cli = new ParlanceCli(fixture('shop'))
    const { code } = await cli.run([
      'run',
      '--tags',
      'not @broken and not @slow',
      '--parallel',
      '2',
      '--reports',
      cli.reportsDir,
    ])
    expect(code).toBe(0)
    expect(cli.systemPids()).toHaveLength(1)
    expect(await cli.leftovers()).toEqual([])
  })

  test('after a failed run', async () => {
    cli = new ParlanceCli(fixture('shop'))
    const { code } = await cli.run(['run', '--tags', '@broken', '--parallel', '2', '--reports', cli.reportsDir])
    expect(code).toBe(1)
    expect(cli.systemPids()).toHaveLength(1)
    expect(await cli.leftovers()).toEqual([])
  })

  test('after a system exits before it is ready, showing its last log lines; exit 1', async () => {
    cli = new ParlanceCli(fixture('shop'))
    const { code, stdout, stderr } = await cli.run([
      'run',
      '--config',
      'failing-start.config.ts',
      '--reports',
      cli.reportsDir,
    ])
    expect(stderr.trim().split('\n')).toEqual([
      `parlance run: Process "shop" (${process.execPath} system/server.mjs --port 0 --fail) exited with code 3 ` +
        `before it was ready ` +
        '(waiting for a log line matching /listening on (http:\\/\\/\\S+)/). Its last 2 lines of output:',
      '  [stdout] shop: loading the catalogue',
      '  [stderr] shop: the catalogue file is corrupt (line 3)',
    ])
    expect(stdout).not.toContain('Scenario')
    expect(code).toBe(1)
    expect(cli.systemPids()).toHaveLength(1)
    expect(await cli.leftovers()).toEqual([])
  })

  test('after a system is not ready in time: it is stopped, its last lines shown; exit 1', async () => {
    cli = new ParlanceCli(fixture('shop'))
    const { code, stderr } = await cli.run(['run', '--config', 'hanging-start.config.ts', '--reports', cli.reportsDir])
    expect(stderr).toContain('was not ready within 3s')
    expect(stderr).toContain('  [stdout] shop: waiting for a database that never answers')
    expect(code).toBe(1)
    expect(cli.systemPids()).toHaveLength(1)
    expect(await cli.leftovers()).toEqual([])
  })

  test.each([
    ['SIGINT', 130, '2'],
    ['SIGINT', 130, '1'],
    ['SIGTERM', 143, '2'],
  ] as const)(
    'after %s mid-run: exit %i (--parallel %s), system and workers gone',
    async (signal, exitCode, parallel) => {
      cli = new ParlanceCli(fixture('shop'))
      const { child, done } = cli.start(['run', '--tags', '@slow', '--parallel', parallel, '--reports', cli.reportsDir])
      await cli.waitFor(() => cli.waitingPids().length > 0 || child.exitCode !== null)
      child.kill(signal)
      const { code, stderr } = await done
      expect(stderr).toContain(`parlance: ${signal} received; stopping test workers and systems…`)
      expect(stderr).not.toContain('Error')
      expect(code).toBe(exitCode)
      expect(cli.systemPids()).toHaveLength(1)
      expect(cli.waitingPids()).toHaveLength(1)
      expect(await cli.leftovers()).toEqual([])
    },
  )

  test('after the runner crashes (support code rejects a promise nobody awaits): exit 1, the system gone', async () => {
    cli = new ParlanceCli(fixture('shop'))
    const { code, stderr } = await cli.run([
      'run',
      '--config',
      'crashing.config.ts',
      '--parallel',
      '1',
      '--reports',
      cli.reportsDir,
    ])
    expect(stderr).toContain(
      'parlance: the runner crashed; stopping test workers and systems…\nError: nobody awaited this\n',
    )
    expect(code).toBe(1)
    expect(cli.systemPids()).toHaveLength(1)
    expect(await cli.leftovers()).toEqual([])
  })
})
