import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isIncluded } from './code-files.ts'
import { findLongLines, longLinesIn } from './long-lines.ts'

const repoRoot = resolve(import.meta.dirname, '../..')
const includes = ['**/*.ts', '**/*.mjs', '**/*.json', '!package-lock.json', '!vendor/cck']
const wide = (columns: number, start = '// '): string => start + 'x'.repeat(columns - start.length)

describe('findLongLines', () => {
  let root: string
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'parlance-line-length-'))
    execFileSync('git', ['init', '-q'], { cwd: root })
    write('biome.json', JSON.stringify({ formatter: { lineWidth: 120 }, files: { includes } }))
    write('.gitignore', 'ignored/\n')
    write('src/long.ts', `const a = 1\n${wide(121)}\n${wide(120)}\n`)
    write('src/pounds.ts', `${wide(120, "const price = '£5 — ✗")}\n`)
    write('src/crlf.ts', `${wide(120)}\r\n${wide(122)}\r\n`)
    write('scripts/tool.mjs', `${wide(130)}\n`)
    write('vendor/cck/sample.ts', `${wide(200)}\n`)
    write('ignored/built.ts', `${wide(200)}\n`)
    write('docs/prose.md', `${wide(200)}\n`)
    write('data/recorded.json', `{"a": "${'x'.repeat(200)}"}\n`)
    write('src/deleted.ts', `${wide(200)}\n`)
    execFileSync('git', ['add', 'src/deleted.ts'], { cwd: root })
    unlinkSync(join(root, 'src/deleted.ts'))
  })
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  it('reports each code line over the width: not prose, data, vendored or ignored files', () => {
    expect(findLongLines(root).map((long) => long.message)).toEqual([
      'scripts/tool.mjs:1: 130 columns (max 120)',
      'src/crlf.ts:2: 122 columns (max 120)',
      'src/long.ts:2: 121 columns (max 120)',
    ])
  })

  it('prints the findings and exits 1 from the command line, and exits 0 once they are split', () => {
    const command = [join(repoRoot, 'runner/register.mjs'), join(repoRoot, 'runner/code-lint/check-line-length.ts')]
    const check = () =>
      spawnSync(process.execPath, ['--import', command[0]!, command[1]!, root], { encoding: 'utf8', timeout: 20_000 })
    const failing = check()
    expect(failing.status).toBe(1)
    expect(failing.stderr.split('\n').slice(0, 5)).toEqual([
      'scripts/tool.mjs:1: 130 columns (max 120)',
      'src/crlf.ts:2: 122 columns (max 120)',
      'src/long.ts:2: 121 columns (max 120)',
      '',
      '3 lines over 120 columns in 3 files.',
    ])

    write('scripts/tool.mjs', `${wide(60)}\n${wide(70)}\n`)
    write('src/crlf.ts', `${wide(120)}\r\n`)
    write('src/long.ts', `const a = 1\n`)
    const passing = check()
    expect([passing.status, passing.stdout, passing.stderr]).toEqual([
      0,
      'line length: 4 code files, no line over 120 columns.\n',
      '',
    ])
  })

  it('says which file and what it needs when biome.json lacks the width', () => {
    write('biome.json', JSON.stringify({ files: { includes } }))
    expect(() => findLongLines(root)).toThrow(
      `line length: ${join(root, 'biome.json')} needs formatter.lineWidth (a number)` +
        ' and files.includes (a list of globs); found lineWidth undefined,' +
        ' includes ["**/*.ts","**/*.mjs","**/*.json","!package-lock.json","!vendor/cck"]',
    )
  })
})

describe('longLinesIn', () => {
  it('counts code points, so £, — and ✗ are one column each', () => {
    expect(longLinesIn('a.ts', `${wide(120, '// £—✗')}\n${wide(121, '// £—✗')}`, 120)).toEqual([
      { file: 'a.ts', line: 2, columns: 121, message: 'a.ts:2: 121 columns (max 120)' },
    ])
  })
})

describe('isIncluded', () => {
  it('reads the patterns in order, as Biome does: a later !folder excludes what is inside it', () => {
    expect(isIncluded('runner/cli.ts', includes)).toBe(true)
    expect(isIncluded('vendor/cck/deep/sample.ts', includes)).toBe(false)
    expect(isIncluded('package-lock.json', includes)).toBe(false)
    expect(isIncluded('README.md', includes)).toBe(false)
    expect(isIncluded('vendor/cck/sample.ts', [...includes, 'vendor/cck/sample.ts'])).toBe(true)
  })
})
