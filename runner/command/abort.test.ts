import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

const abortModule = fileURLToPath(new URL('./abort.ts', import.meta.url))

// A process guarded by onAbort that signals itself; `during` is what happens while its cleanup runs.
function guarded(signal: string, during: string): { status: number | null; stderr: string } {
  const script = `
    import { onAbort } from ${JSON.stringify(abortModule)}
    onAbort({
      cleanup: async () => { ${during}; await new Promise((resolve) => setTimeout(resolve, 200)) },
      hardStop: () => process.stderr.write('hard stop\\n'),
    })
    setInterval(() => {}, 1_000)
    process.kill(process.pid, ${JSON.stringify(signal)})
  `
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 20_000,
  })
  return { status: child.status, stderr: child.stderr }
}

describe('onAbort', () => {
  test('exits with the signal’s code once cleanup is done', () => {
    expect(guarded('SIGINT', '')).toEqual({
      status: 130,
      stderr: '\nparlance: SIGINT received; stopping test workers and systems…\n',
    })
  })

  test('a crash while it stops (cucumber throwing about its killed workers) keeps the signal’s code', () => {
    const during =
      `setTimeout(() => { throw new Error('worker 1 exited unexpectedly') }, 10); Promise.reject(new Error('no ` +
      `worker'))`
    expect(guarded('SIGTERM', during)).toEqual({
      status: 143,
      stderr: '\nparlance: SIGTERM received; stopping test workers and systems…\n',
    })
  })

  test('masks the secrets in the error of a cleanup that failed', () => {
    const { status, stderr } = guarded(
      'SIGINT',
      `throw new Error('cannot stop http://ci:pa55-word@10.0.0.7/?token=t0k')`,
    )
    expect([status, stderr.split('\n').slice(0, 3)]).toEqual([
      130,
      [
        '',
        'parlance: SIGINT received; stopping test workers and systems…',
        'parlance: cleanup failed: Error: cannot stop http://****:****@10.0.0.7/?token=****',
      ],
    ])
    expect(stderr).not.toMatch(/pa55-word|t0k/)
  })

  test('a second signal while it stops kills what is left at once', () => {
    expect(guarded('SIGINT', `process.kill(process.pid, 'SIGINT')`)).toEqual({
      status: 130,
      stderr: '\nparlance: SIGINT received; stopping test workers and systems…\nhard stop\n',
    })
  })
})
