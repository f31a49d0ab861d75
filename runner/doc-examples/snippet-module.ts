import { join } from 'node:path'
import ts from 'typescript'
import type { ExampleModule } from './example-module.ts'
import type { DocExample } from './find-examples.ts'

/**
 * What a docs snippet imports Parlance by, as a project that installed the
 * package would, and the file of this repository each name stands for.
 *
 * @example
 *   publicEntries['parlance/dsl'] // 'dsl/index.ts'
 *   // in a snippet: import { dslMethod, money } from 'parlance/dsl'
 */
export const publicEntries: Readonly<Record<string, string>> = {
  'parlance/dsl': 'dsl/index.ts',
  'parlance/drivers': 'drivers/index.ts',
  'parlance/runner': 'runner/index.ts',
  'parlance/cucumber': 'dsl/cucumber.ts',
}

/**
 * Makes the module that compiles one docs snippet: the snippet as it is,
 * made a module of its own. Unlike a TSDoc example it is given no imports:
 * a reader copies it into a project, so it imports what it uses itself.
 *
 * @example
 *   const snippet: DocExample = { file: 'docs/a.md', line: 3, language: 'ts', lines: [{ text: 'f()', line: 4 }] }
 *   makeSnippetModule('/repo', snippet)
 *   // { path: '/repo/docs/a.md.snippet-3.mts', text: 'f()\nexport {}\n', firstExampleLine: 1 }
 */
export function makeSnippetModule(root: string, snippet: DocExample): ExampleModule {
  const code = snippet.lines.map((line) => line.text).join('\n')
  return {
    path: join(root, `${snippet.file}.snippet-${snippet.line}.mts`),
    text: `${code}\nexport {}\n`,
    firstExampleLine: 1,
  }
}

/**
 * One module specifier of a snippet that a project using Parlance could not
 * import: a relative or absolute path, or a file inside the package.
 *
 * @example
 *   const found: NonPublicImport = { specifier: '../core/params/index.ts', start: 26, end: 51 }
 */
export interface NonPublicImport {
  specifier: string
  /** Where the specifier's string literal is in the module's text. */
  start: number
  end: number
}

/**
 * Whether a snippet may import a module: a public entry of Parlance, a
 * `node:` module or an npm package.
 *
 * @example
 *   isPublicImport('parlance/drivers') // true
 *   isPublicImport('@cucumber/cucumber') // true
 *   isPublicImport('../core/params/index.ts') // false
 *   isPublicImport('parlance/dsl/core/params/param.ts') // false
 */
export function isPublicImport(specifier: string): boolean {
  if (Object.hasOwn(publicEntries, specifier)) return true
  if (specifier === 'parlance' || specifier.startsWith('parlance/')) return false
  return !/^[./\\]/.test(specifier)
}

/**
 * The imports of a snippet's module that are not public: `import … from`,
 * `export … from`, `import('…')` as a value or a type, `import x = require('…')`.
 *
 * @example
 *   const text = "import { dslMethod } from '../core/params/index.ts'\n"
 *   nonPublicImports(ts.createSourceFile('a.mts', text, ts.ScriptTarget.Latest))
 *   // [{ specifier: '../core/params/index.ts', start: 26, end: 51 }]
 */
export function nonPublicImports(source: ts.SourceFile): NonPublicImport[] {
  const found: NonPublicImport[] = []
  const check = (node: ts.Node | undefined) => {
    if (node && ts.isStringLiteralLike(node) && !isPublicImport(node.text))
      found.push({ specifier: node.text, start: node.getStart(source), end: node.getEnd() })
  }
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) check(node.moduleSpecifier)
    else if (ts.isExternalModuleReference(node)) check(node.expression)
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) check(node.argument.literal)
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) check(node.arguments[0])
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/**
 * What the checker says of a snippet's import that is not public.
 *
 * @example
 *   nonPublicImportMessage('../core/params/index.ts')
 *   // 'import "../core/params/index.ts" is not public. A docs snippet imports what a project using Parlance can: …'
 */
export function nonPublicImportMessage(specifier: string): string {
  const entries = Object.entries(publicEntries)
    .map(([name, file]) => `'${name}' (${file})`)
    .join(', ')
  return (
    `import ${JSON.stringify(specifier)} is not public. A docs snippet imports what a project using Parlance ` +
    `can: ${entries}, a node: module or an npm package.`
  )
}

/**
 * The compiler host, resolving the public entries' names to this
 * repository's files: the package does not install itself, so `parlance/dsl`
 * is found nowhere else.
 *
 * @example
 *   declare const host: ts.CompilerHost, options: ts.CompilerOptions
 *   const rootNames = ['/repo/docs/a.md.snippet-3.mts']
 *   ts.createProgram({ rootNames, options, host: withPublicEntries(host, '/repo', options) })
 */
export function withPublicEntries(host: ts.CompilerHost, root: string, options: ts.CompilerOptions): ts.CompilerHost {
  const cache = ts.createModuleResolutionCache(root, host.getCanonicalFileName, options)
  return {
    ...host,
    resolveModuleNameLiterals: (literals, containingFile, redirectedReference, compilerOptions, containingSource) =>
      literals.map((literal) => {
        if (Object.hasOwn(publicEntries, literal.text)) {
          const resolvedFileName = join(root, publicEntries[literal.text]!)
          return { resolvedModule: { resolvedFileName, extension: ts.Extension.Ts, isExternalLibraryImport: false } }
        }
        const mode = ts.getModeForUsageLocation(containingSource, literal, compilerOptions)
        return ts.resolveModuleName(
          literal.text,
          containingFile,
          compilerOptions,
          host,
          cache,
          redirectedReference,
          mode,
        )
      }),
  }
}
