import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import ts from 'typescript'
import type { DocExample } from './find-examples.ts'

/**
 * The module made from one example: the source file's exports and the source
 * file's own imports, then the example's lines. `firstExampleLine` is the
 * 1-based line of the module where the example starts.
 *
 * @example
 *   const module: ExampleModule = {
 *     path: '/repo/drivers/core/duration-input.ts.example-30.mts',
 *     text: "import { toMilliseconds } from './duration-input.ts'\ntoMilliseconds('2s', 'timeout')\nexport {}\n",
 *     firstExampleLine: 2,
 *   }
 */
export interface ExampleModule {
  /** Beside the source file, so that the source file's relative imports hold as they are. It never exists on disk. */
  path: string
  text: string
  firstExampleLine: number
}

/**
 * One name an example's module imports, and where from. Always as a value: a
 * class the source file imports with `import type` is still a class to the
 * example's reader; importing a type so is an error the checker ignores.
 *
 * @example
 *   const binding: Binding = { local: 'Money', imported: 'Money', from: './values/money.ts' }
 */
export interface Binding {
  local: string
  /** The exported name; 'default' for a default import, '*' for a namespace. */
  imported: string
  from: string
}

/**
 * The names an example of a source file may use without importing them: what
 * the file exports, then what it imports. Worked out once per file.
 *
 * @example
 *   const text = "import { sum } from './sum.ts'\nexport const double = (n: number) => n * 2\n"
 *   scopeOf('/repo/maths.ts', ts.createSourceFile('/repo/maths.ts', text, ts.ScriptTarget.Latest))
 *   // [{ local: 'double', imported: 'double', from: './maths.ts' },
 *   //  { local: 'sum', imported: 'sum', from: './sum.ts' }]
 */
export function scopeOf(sourcePath: string, source: ts.SourceFile): Binding[] {
  const self = `./${basename(sourcePath)}`
  return [
    ...exportedNames(sourcePath, source).map((name): Binding => ({ local: name, imported: name, from: self })),
    ...importedBindings(source.statements),
  ]
}

/**
 * Makes the module that type-checks one example of the source file at
 * `sourcePath` (absolute), whose scope is `scope`. Names the example declares
 * itself (`declare const punter: Punter`, its own imports) are not imported,
 * so an example may use any name it declares.
 *
 * @example
 *   const example: DocExample = { file: 'maths.ts', line: 4, language: '', lines: [{ text: 'double(2)', line: 5 }] }
 *   makeExampleModule('/repo/maths.ts', [{ local: 'double', imported: 'double', from: './maths.ts' }], example).text
 *   // "import { double } from './maths.ts'\ndouble(2)\nexport {}\n"
 */
export function makeExampleModule(sourcePath: string, scope: readonly Binding[], example: DocExample): ExampleModule {
  const code = example.lines.map((line) => line.text).join('\n')
  const declared = topLevelNames(ts.createSourceFile('example.mts', code, ts.ScriptTarget.Latest))
  const header = importLines(scope.filter((binding) => !declared.has(binding.local)))
  return {
    path: `${sourcePath}.example-${example.line}.mts`,
    text: [...header, code, 'export {}', ''].join('\n'),
    firstExampleLine: header.length + 1,
  }
}

function importLines(bindings: readonly Binding[]): string[] {
  const seen = new Set<string>()
  const bySpecifier = new Map<string, Binding[]>()
  for (const binding of bindings) {
    if (seen.has(binding.local)) continue
    seen.add(binding.local)
    bySpecifier.set(binding.from, [...(bySpecifier.get(binding.from) ?? []), binding])
  }
  const lines: string[] = []
  for (const [from, group] of bySpecifier) {
    const quoted = JSON.stringify(from)
    const named = group.filter((binding) => binding.imported !== '*' && binding.imported !== 'default')
    for (const binding of group.filter((binding) => binding.imported === '*'))
      lines.push(`import * as ${binding.local} from ${quoted}`)
    for (const binding of group.filter((binding) => binding.imported === 'default'))
      lines.push(`import ${binding.local} from ${quoted}`)
    if (named.length > 0) {
      const names = named.map((binding) =>
        binding.imported === binding.local ? binding.local : `${binding.imported} as ${binding.local}`,
      )
      lines.push(`import { ${names.join(', ')} } from ${quoted}`)
    }
  }
  return lines
}

/** The names a module exports, following `export * from './x.ts'` into the files it names. */
function exportedNames(path: string, source: ts.SourceFile, visited = new Set<string>()): string[] {
  visited.add(path)
  const names: string[] = []
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      const from =
        statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)
          ? statement.moduleSpecifier.text
          : undefined
      if (!statement.exportClause && from?.startsWith('.')) {
        const target = resolve(dirname(path), from)
        if (!visited.has(target) && existsSync(target)) {
          const text = readFileSync(target, 'utf8')
          names.push(...exportedNames(target, ts.createSourceFile(target, text, ts.ScriptTarget.Latest), visited))
        }
      } else if (statement.exportClause && ts.isNamedExports(statement.exportClause)) {
        names.push(...statement.exportClause.elements.map((element) => element.name.text))
      } else if (statement.exportClause && ts.isNamespaceExport(statement.exportClause)) {
        names.push(statement.exportClause.name.text)
      }
    } else if (hasExportModifier(statement) && !hasDefaultModifier(statement)) {
      names.push(...declaredNames(statement))
    }
  }
  return names.filter((name) => name !== 'default')
}

function importedBindings(statements: readonly ts.Statement[]): Binding[] {
  const bindings: Binding[] = []
  for (const statement of statements) {
    if (!ts.isImportDeclaration(statement) || !statement.importClause || !ts.isStringLiteral(statement.moduleSpecifier))
      continue
    const from = statement.moduleSpecifier.text
    const clause = statement.importClause
    if (clause.name) bindings.push({ local: clause.name.text, imported: 'default', from })
    const named = clause.namedBindings
    if (named && ts.isNamespaceImport(named)) bindings.push({ local: named.name.text, imported: '*', from })
    if (named && ts.isNamedImports(named)) {
      for (const element of named.elements)
        bindings.push({ local: element.name.text, imported: (element.propertyName ?? element.name).text, from })
    }
  }
  return bindings
}

/** The names an example declares at its top level: these are its own and shadow nothing. */
function topLevelNames(example: ts.SourceFile): Set<string> {
  const names = new Set<string>()
  for (const binding of importedBindings(example.statements)) names.add(binding.local)
  for (const statement of example.statements) {
    for (const name of declaredNames(statement)) names.add(name)
  }
  return names
}

function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement))
    return statement.declarationList.declarations.flatMap((declaration) => bindingNames(declaration.name))
  if (
    (ts.isFunctionDeclaration(statement) ||
      ts.isClassDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      ts.isEnumDeclaration(statement) ||
      ts.isModuleDeclaration(statement) ||
      ts.isImportEqualsDeclaration(statement)) &&
    statement.name &&
    ts.isIdentifier(statement.name)
  ) {
    return [statement.name.text]
  }
  return []
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text]
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)))
}

function hasExportModifier(statement: ts.Statement): boolean {
  return (
    ts.canHaveModifiers(statement) &&
    (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)
  )
}

function hasDefaultModifier(statement: ts.Statement): boolean {
  return (
    ts.canHaveModifiers(statement) &&
    (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword)
  )
}
