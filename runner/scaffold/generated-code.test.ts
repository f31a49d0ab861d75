import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { promisify } from 'node:util'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { longLinesIn } from '../code-lint/long-lines.ts'
import { checkFile } from '../layers/check-layers.ts'
import { lintSources } from '../lint/lint-sources.ts'
import { resolveRuleSettings } from '../lint/rule-settings.ts'
import { domainFiles } from './domain-files.ts'
import { domainNames } from './domain-names.ts'
import { initCommand } from './init-command.ts'

// What the scaffold writes must read as this repository's own code does, whatever the domain's name: Biome-formatted
// and clean, within 120 columns, its imports with the layers, its feature clean of parlance lint's findings. (That
// it compiles, and passes, init-and-new.test.ts shows on a project made and run end to end.)

const repo = fileURLToPath(new URL('../..', import.meta.url))
let project: string
let files: string[]

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'parlance-generated-'))
  await initCommand(['--channels', 'api,ui'], { cwd: project, stdout: () => {} })
  for (const file of domainFiles(domainNames('order-history'), ['api', 'ui'], 'vitest')) {
    mkdirSync(dirname(join(project, file.path)), { recursive: true })
    writeFileSync(join(project, file.path), file.text)
  }
  files = readdirSync(project, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(project, join(entry.parentPath, entry.name)))
    .sort()
})

afterAll(() => rmSync(project, { recursive: true, force: true }))

describe('the generated code', () => {
  test('holds no template token', () => {
    const left = files.filter((file) => readFileSync(join(project, file), 'utf8').includes('{{'))
    expect(left).toEqual([])
  })

  test("passes this repository's Biome check: formatted, and no lint finding", async () => {
    const biome = join(repo, 'node_modules/@biomejs/biome/bin/biome')
    const checked = await promisify(execFile)(
      process.execPath,
      [biome, 'check', '--error-on-warnings', `--config-path=${join(repo, 'biome.json')}`, '.'],
      { cwd: project },
    ).catch((error: { stdout: string; stderr: string }) => error)
    expect(checked.stdout).toBe('')
    expect(checked.stderr).toMatch(/^Checked 22 files in [\d.]+[µm]?s\. No fixes applied\.\n$/)
  })

  test('keeps within 120 columns', () => {
    const long = files
      .filter((file) => /\.(ts|mjs|js)$/.test(file))
      .flatMap((file) => longLinesIn(file, readFileSync(join(project, file), 'utf8'), 120))
    expect(long).toEqual([])
  })

  test('imports with the layers: specs → dsl → drivers', () => {
    const violations = files
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => checkFile(project, join(project, file)).map((violation) => violation.message))
    expect(violations).toEqual([])
  })

  test('writes features that say what, not how', () => {
    const features = files.filter((file) => file.endsWith('.feature'))
    const sources = features.map((file) => ({ file, text: readFileSync(join(project, file), 'utf8') }))
    expect(features).toEqual(['specs/order-history/order-history.feature', 'specs/shop/shop.feature'])
    expect(lintSources(sources, resolveRuleSettings(undefined, 'the config'))).toEqual([])
  })
})
