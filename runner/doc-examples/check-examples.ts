import { readFileSync } from 'node:fs'
import { join, sep } from 'node:path'
import ts from 'typescript'
import { makeExampleModule, scopeOf, type ExampleModule } from './example-module.ts'
import { findExamples, isTypeScript, type DocExample } from './find-examples.ts'
import { findSnippets, isCompiledSnippet } from './find-snippets.ts'
import {
  makeSnippetModule,
  nonPublicImportMessage,
  nonPublicImports,
  withPublicEntries,
  type NonPublicImport,
} from './snippet-module.ts'

/**
 * One compile error in a doc example, at the source line the example came from.
 *
 * @example
 *   const problem: ExampleProblem = {
 *     file: 'dsl/core/cucumber/parlance-world.ts',
 *     line: 19,
 *     message: "Object literal may only specify known properties, and 'selection' does not exist in type 'PlaceBet'.",
 *   }
 */
export interface ExampleProblem {
  /** Relative to the repository root, with forward slashes. */
  file: string
  line: number
  message: string
}

/**
 * What checking the examples of some files found: how many were compiled (of
 * them, how many were Markdown snippets), how many were skipped as not
 * TypeScript, and the compile errors.
 *
 * @example
 *   const { checked, skipped, problems } = checkExamples('/work/parlance', ['drivers/core/duration-input.ts'])
 *   problems.map(formatProblem) // ["drivers/core/duration-input.ts:31: Cannot find name 'ctx'."]
 */
export interface ExampleCheck {
  checked: number
  /** The checked examples that are ```ts snippets of Markdown files. */
  snippets: number
  skipped: number
  problems: ExampleProblem[]
}

/**
 * The line a problem prints as: `file:line: message`.
 *
 * @example
 *   formatProblem({ file: 'drivers/core/duration-input.ts', line: 31, message: "Cannot find name 'ctx'." })
 *   // "drivers/core/duration-input.ts:31: Cannot find name 'ctx'."
 */
export function formatProblem(problem: ExampleProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`
}

/**
 * Compiles every TypeScript `@example` of the given files (relative to `root`)
 * and every ```ts snippet of the given Markdown files, each as a module of its
 * own, in one TypeScript program with the options of `root`'s tsconfig.json,
 * and maps each error back to the example's line. A snippet that imports
 * anything but a public entry (`parlance/dsl`…), a `node:` module or an npm
 * package is an error at that import.
 *
 * @example
 *   const { checked, problems } = checkExamples('/work/parlance', ['drivers/core/eventually.ts'])
 *   problems.length === 0 // every example compiles
 */
export function checkExamples(root: string, files: readonly string[]): ExampleCheck {
  const { options, declarationFiles } = readProject(root)
  const host = parsingOnce(ts.createCompilerHost(options), options)
  const modules = new Map<string, { module: ExampleModule; example: DocExample; snippet: boolean }>()
  let skipped = 0
  for (const file of files) {
    const path = join(root, file)
    const text = readFileSync(path, 'utf8')
    if (file.endsWith('.md')) {
      for (const snippet of findSnippets(file.split(sep).join('/'), text)) {
        if (!isCompiledSnippet(snippet)) {
          skipped++
          continue
        }
        const module = makeSnippetModule(root, snippet)
        modules.set(module.path, { module, example: snippet, snippet: true })
      }
      continue
    }
    if (!text.includes('@example')) continue
    const source = host.getSourceFile(path, options.target ?? ts.ScriptTarget.Latest)!
    const scope = scopeOf(path, source)
    for (const example of findExamples(file.split(sep).join('/'), source)) {
      if (!isTypeScript(example)) {
        skipped++
        continue
      }
      const module = makeExampleModule(path, scope, example)
      modules.set(module.path, { module, example, snippet: false })
    }
  }
  const program = ts.createProgram({
    rootNames: [...declarationFiles, ...modules.keys()],
    options,
    host: withPublicEntries(withModules(host, modules), root, options),
  })
  const problems: ExampleProblem[] = []
  for (const { module, example, snippet } of modules.values()) {
    const source = program.getSourceFile(module.path)!
    const forbidden = snippet ? nonPublicImports(source) : []
    for (const { specifier, start } of forbidden)
      problems.push(lineProblem(source, module, example, start, nonPublicImportMessage(specifier)))
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
    for (const diagnostic of diagnostics.filter((diagnostic) => !isAt(diagnostic, forbidden))) {
      const problem = problemAt(source, module, example, diagnostic)
      if (problem) problems.push(problem)
    }
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
  const snippets = [...modules.values()].filter((entry) => entry.snippet).length
  return { checked: modules.size, snippets, skipped, problems }
}

/** A diagnostic at an import already reported as not public: that it cannot be found says nothing more. */
function isAt(diagnostic: ts.Diagnostic, imports: readonly NonPublicImport[]): boolean {
  const start = diagnostic.start
  return start !== undefined && imports.some((found) => start >= found.start && start < found.end)
}

/** The project's compiler options, and its own `.d.ts` files: they declare modules (an untyped package) for all. */
function readProject(root: string): { options: ts.CompilerOptions; declarationFiles: string[] } {
  const configPath = join(root, 'tsconfig.json')
  const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile)
  if (error) throw new Error(`reading ${configPath}: ${ts.flattenDiagnosticMessageText(error.messageText, '\n')}`)
  const project = ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configPath)
  return { options: project.options, declarationFiles: project.fileNames.filter((file) => file.endsWith('.d.ts')) }
}

/** The compiler host, reading the example modules from memory: nothing is written, so runs side by side do not meet. */
function withModules(host: ts.CompilerHost, modules: Map<string, { module: ExampleModule }>): ts.CompilerHost {
  return {
    ...host,
    fileExists: (path) => modules.has(path) || host.fileExists(path),
    readFile: (path) => modules.get(path)?.module.text ?? host.readFile(path),
    getSourceFile: (path, language, onError, shouldCreate) => {
      const module = modules.get(path)?.module
      return module
        ? ts.createSourceFile(path, module.text, language)
        : host.getSourceFile(path, language, onError, shouldCreate)
    },
  }
}

/**
 * The host, keeping the files it parsed for the examples for the program.
 * The program asks with options of its own (ESM or CommonJS, module or
 * script); a file parsed without them is handed over only when those options
 * could not change it, and parsed again otherwise.
 */
function parsingOnce(host: ts.CompilerHost, options: ts.CompilerOptions): ts.CompilerHost {
  const parsed = new Map<string, ts.SourceFile>()
  return {
    ...host,
    getSourceFile: (path, language, onError, shouldCreate) => {
      const kept = parsed.get(path)
      if (kept && sameParse(kept, language)) return kept
      const source = host.getSourceFile(
        path,
        typeof language === 'object'
          ? language
          : {
              languageVersion: language,
              impliedNodeFormat: ts.getImpliedNodeFormatForFile(path as ts.Path, undefined, host, options),
            },
        onError,
        shouldCreate,
      )
      if (source) parsed.set(path, source)
      return source
    },
  }
}

function sameParse(kept: ts.SourceFile, language: ts.ScriptTarget | ts.CreateSourceFileOptions): boolean {
  const wanted = typeof language === 'object' ? language : { languageVersion: language }
  return (
    kept.languageVersion === wanted.languageVersion &&
    kept.impliedNodeFormat === wanted.impliedNodeFormat &&
    ts.isExternalModule(kept)
  )
}

/** A type-only name in the imports the checker wrote is no fault of the example. */
const importedAsValue = new Set([1484, 1485])

function problemAt(
  source: ts.SourceFile,
  module: ExampleModule,
  example: DocExample,
  diagnostic: ts.Diagnostic,
): ExampleProblem | undefined {
  if (diagnostic.category !== ts.DiagnosticCategory.Error) return undefined
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')
  const moduleLine =
    diagnostic.start === undefined ? 0 : source.getLineAndCharacterOfPosition(diagnostic.start).line + 1
  if (moduleLine < module.firstExampleLine && importedAsValue.has(diagnostic.code)) return undefined
  return lineProblem(source, module, example, diagnostic.start, message)
}

/** A problem at a place in an example's module, put at the example's line in its file. */
function lineProblem(
  source: ts.SourceFile,
  module: ExampleModule,
  example: DocExample,
  start: number | undefined,
  message: string,
): ExampleProblem {
  const moduleLine = start === undefined ? 0 : source.getLineAndCharacterOfPosition(start).line + 1
  const exampleLine = example.lines[moduleLine - module.firstExampleLine]
  if (exampleLine) return { file: example.file, line: exampleLine.line, message }
  return { file: example.file, line: example.line, message: `${message} (in the checker's module for this example)` }
}
