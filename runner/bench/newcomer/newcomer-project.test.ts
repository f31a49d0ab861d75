import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { countNewcomerLines, makeNewcomerProject, pointRoomsAtItsSystem } from './newcomer-project.ts'

const repo = fileURLToPath(new URL('../../../', import.meta.url))
let dir: string

// The path npm run bench:newcomer times, checked: the project it makes compiles and its run is green.
describe('the newcomer path: init, new domain rooms, the newcomer’s rooms domain', { timeout: 120_000 }, () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'parlance-newcomer-'))
    makeNewcomerProject(dir)
  }, 120_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test('the project compiles', () => {
    const tsc = join(repo, 'node_modules/typescript/bin/tsc')
    const args = [tsc, '-p', '.', '--typeRoots', join(repo, 'node_modules/@types')]
    expect(() => execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8' })).not.toThrow()
  })

  test('parlance run --domain rooms starts only the rooms system and passes its 4 scenarios', () => {
    const result = spawnSync(process.execPath, [join(repo, 'runner/bin/parlance.mjs'), 'run', '--domain', 'rooms'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    })
    expect(result.stdout).toMatch(/^ {2}rooms: started at http:\/\/127\.0\.0\.1:\d+/m)
    expect(result.stdout).not.toContain('stub: started')
    expect(result.stdout).toContain('scenarios: 4 passed, 0 failed')
    expect(result.stdout.trim().split('\n').at(-1)).toBe('Gate: GREEN')
    expect(result.status).toBe(0)
  })

  test('the lines are counted per layer, and in all', () => {
    const lines = countNewcomerLines(dir)
    expect(Object.keys(lines)).toEqual(['specs', 'dsl', 'drivers', 'total'])
    expect(lines.total).toBe(lines.specs! + lines.dsl! + lines.drivers!)
  })

  test('a config parlance new domain did not write is refused, not half edited', () => {
    expect(() => pointRoomsAtItsSystem('export default {}')).toThrow(
      'the config parlance new domain wrote has no "        ROOMS_URL: \'{address}\',\\n"',
    )
  })
})
