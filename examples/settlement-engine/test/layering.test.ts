import { readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const packageJson = JSON.parse(readFileSync(join(root, '../../package.json'), 'utf8')) as {
  dependencies: Record<string, string>
}

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'test') yield* sourceFiles(path)
    else if (entry.isFile() && /\.(ts|mts|mjs|js)$/.test(entry.name) && !/\.test\.[a-z]+$/.test(entry.name)) yield path
  }
}

function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((imported) => imported.fileName)
}

describe('the settlement engine is a program of its own', () => {
  it('imports nothing outside examples/settlement-engine but Node built-ins and installed packages', () => {
    const outside: string[] = []
    for (const file of sourceFiles(root)) {
      for (const specifier of importsOf(file)) {
        const where = relative(root, file)
        if (specifier.startsWith('.')) {
          const target = relative(root, resolve(dirname(file), specifier))
          if (target.startsWith('..') || target.split(sep)[0] === 'test') outside.push(`${where} imports ${specifier}`)
        } else if (!specifier.startsWith('node:') && !builtinModules.includes(specifier)) {
          const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!
          if (!(name in packageJson.dependencies))
            outside.push(`${where} imports the package ${specifier}, which is not a dependency`)
        }
      }
    }
    expect(outside).toEqual([])
  })
})
