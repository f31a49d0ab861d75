import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { lockDataDir } from './data-dir-lock.ts'
import { DataDirLockedError } from './data-dir-locked-error.ts'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lock-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('lockDataDir', () => {
  it('creates the directory, holds it with its pid and lets it go', () => {
    const data = join(dir, 'data')
    const unlock = lockDataDir(data)
    expect(readFileSync(join(data, 'LOCK'), 'utf8')).toBe(`${process.pid}\n`)
    unlock()
    lockDataDir(data)()
  })

  it('refuses a directory a live process holds', () => {
    writeFileSync(join(dir, 'LOCK'), `${process.ppid}\n`)
    expect(() => lockDataDir(dir)).toThrow(new DataDirLockedError(dir, process.ppid))
  })

  it('takes over a lock left by a process that died', () => {
    writeFileSync(join(dir, 'LOCK'), '2147483646\n')
    const unlock = lockDataDir(dir)
    expect(readFileSync(join(dir, 'LOCK'), 'utf8')).toBe(`${process.pid}\n`)
    unlock()
  })
})
