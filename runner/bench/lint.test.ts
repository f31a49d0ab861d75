import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { repoRoot } from '../lint/lint-test-helpers.ts'

const run = async (args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', './runner/register.mjs', 'runner/bench/lint.ts', ...args],
      { cwd: repoRoot },
    )
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

let dir: string | undefined
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

describe('npm run bench:lint', () => {
  it('explains itself with --help', async () => {
    const { code, stdout } = await run(['--help'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Usage: npm run bench:lint -- \[options\]\n/)
    expect(stdout).toContain('--list N       list at most N steps of each kind of mistake')
  })

  it('refuses a bad --list or an unknown option, naming the options there are', async () => {
    const bad = await run(['--list', 'some'])
    expect(bad).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'bench:lint: --list takes a whole number ≥ 0, e.g. --list 20, not "some"\n' +
        'Options: --list N, --corpus DIR, -h/--help. Run npm run bench:lint -- --help for more.\n',
    })
    const unknown = await run(['--lsit', '3'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain("Unknown option '--lsit'")
    expect(unknown.stderr).toContain('Options: --list N, --corpus DIR, -h/--help.')
  })

  it('stops with every problem of a malformed corpus', async () => {
    dir = mkdtempSync(join(tmpdir(), 'parlance-corpus-'))
    writeFileSync(join(dir, 'mine.ndjson'), '{"id":"m-1","language":"en","keyword":"When","text":"I pay"}\n')
    const { code, stderr } = await run(['--corpus', dir])
    expect(code).toBe(1)
    expect(stderr).toBe(
      `bench:lint: the lint corpus in ${dir} is not well-formed:\n` +
        '  • mine.ndjson:1: label must be "how" or "what", not nothing\n' +
        '  • mine.ndjson:1: source is missing: { repo, path, commit, licence }\n',
    )
  })
})
