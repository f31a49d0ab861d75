import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import ts from 'typescript'
import { layerRules, mayImport } from './layer-rules.ts'

/**
 * One import that crosses the layers the wrong way.
 *
 * @example
 *   const violation: LayerViolation = {
 *     file: 'specs/a/steps.ts',
 *     line: 3,
 *     target: 'drivers/a/api.ts',
 *     message: 'specs/a/steps.ts:3 imports drivers/a/api.ts — specs may import only specs, dsl',
 *   }
 */
export interface LayerViolation {
  file: string
  line: number
  target: string
  message: string
}

const sourceFile = /\.(ts|mts|mjs|js)$/

/**
 * Finds every import in the repository that breaks the layering. Only relative
 * imports can cross layers; packages are not layers.
 *
 * @example
 *   const violations = checkLayers('/work/parlance')
 *   violations.map((v) => v.message) // []
 */
export function checkLayers(root: string): LayerViolation[] {
  const violations: LayerViolation[] = []
  for (const layer of Object.keys(layerRules)) {
    for (const file of sourceFiles(join(root, layer))) {
      violations.push(...checkFile(root, file))
    }
  }
  return violations
}

/**
 * The violations in one file's imports.
 *
 * @example
 *   checkFile('/repo', '/repo/drivers/core/http.ts') // [] unless it imports dsl, specs, examples or runner
 */
export function checkFile(root: string, file: string): LayerViolation[] {
  const from = layerOf(root, file)
  const text = readFileSync(file, 'utf8')
  const violations: LayerViolation[] = []
  // TypeScript's own pre-processor finds static, re-export and dynamic imports, and not look-alikes in strings or
  // comments.
  for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
    const specifier = imported.fileName
    if (!specifier.startsWith('.')) continue
    const target = resolve(dirname(file), specifier)
    const to = layerOf(root, target)
    if (from === undefined || to === undefined) continue
    const testCode = from === 'examples' && isExampleTestCode(root, file)
    if (mayImport(from, to) || testCode) continue
    const line = text.slice(0, imported.pos).split('\n').length
    const where = `${relative(root, file)}:${line}`
    violations.push({
      file: relative(root, file),
      line,
      target: relative(root, target),
      message: `${where} imports ${relative(root, target)} — ${from} may import only ${layerRules[from]!.join(', ')}`,
    })
  }
  return violations
}

function layerOf(root: string, path: string): string | undefined {
  const first = relative(root, path).split(sep)[0]
  return first !== undefined && first in layerRules ? first : undefined
}

// An example's own tests may use test helpers (benchmarks are test code: a
// `bench` directory counts too); its production code may not.
function isExampleTestCode(root: string, file: string): boolean {
  const path = relative(root, file)
  return /\.test\.[a-z]+$/.test(path) || path.split(sep).some((part) => part === 'test' || part === 'bench')
}

function* sourceFiles(dir: string): Generator<string> {
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return
  }
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory() && entry.name !== 'node_modules') yield* sourceFiles(path)
    else if (entry.isFile() && sourceFile.test(entry.name)) yield path
  }
}
