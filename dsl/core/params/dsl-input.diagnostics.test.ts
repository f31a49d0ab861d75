import { join } from 'node:path'
import ts from 'typescript'
import { beforeAll, describe, expect, it } from 'vitest'

// What TypeScript says to someone who calls a DSL method wrongly, word for word: `tsc --noEmit` proves
// that right calls compile (parsed-args.types.test.ts), and only the compiler's own text shows what a
// wrong one reads like. Each snippet is a module beside this file, compiled with the project's options.

const header = [
  "import { dslMethod, type InputOf } from './dsl-method.ts'",
  "import { group } from './group.ts'",
  "import { alias, integer, odds, string } from './param-kinds.ts'",
  "const addStock = dslMethod('addStock', { shop: alias(), item: string(), stock: integer() })",
  "const restock = dslMethod('restock', { shop: alias(), lines: group({ item: string(), stock: integer() }) })",
  "const placeMultiple = dslMethod('placeMultiple', { legs: group({ leg: string(), price: odds() }) })",
  'declare const shop: { addStock(input: InputOf<typeof addStock>): Promise<void> }',
]

const snippets = {
  missingOne: "addStock.parse({ shop: 'Corner', item: 'teapot' })",
  missingOneThroughAVerb: "shop.addStock({ shop: 'Corner', item: 'teapot' })",
  missingTwo: "addStock.parse({ shop: 'Corner' })",
  missingAll: 'addStock.parse({})',
  missingInAGroup: "restock.parse({ shop: 'Corner', lines: [{ item: 'teapot' }] })",
  missingOdds: "placeMultiple.parse({ legs: [{ leg: 'Red Rum' }] })",
  tables: [
    "addStock.parse({ raw: () => [['shop', 'Corner'], ['item', 'teapot'], ['stock', '3']] })",
    "restock.parse({ shop: 'Corner', lines: { raw: () => [['item', 'stock'], ['teapot', '3']] } })",
    "shop.addStock({ raw: () => [['shop', 'Corner'], ['item', 'teapot'], ['stock', '3']] })",
  ].join('\n'),
} as const

let errors: Record<keyof typeof snippets, string[]>

beforeAll(() => {
  errors = typeErrorsOf(snippets)
})

describe('a call missing a required parameter', () => {
  it('names the parameter, and shows the object the method takes', () => {
    expect(errors.missingOne).toEqual([
      "Argument of type '{ shop: string; item: string; }' is not assignable to parameter of type " +
        "'DataTableLike | { shop: string; item: string; stock: string | number; }'.\n" +
        "  Property 'stock' is missing in type '{ shop: string; item: string; }' " +
        "but required in type '{ shop: string; item: string; stock: string | number; }'.",
    ])
  })

  it('names it as well through a domain verb that takes InputOf the method', () => {
    expect(errors.missingOneThroughAVerb).toEqual(errors.missingOne)
  })

  it('names every missing parameter', () => {
    expect(errors.missingTwo).toEqual([
      "Argument of type '{ shop: string; }' is not assignable to parameter of type " +
        "'DataTableLike | { shop: string; item: string; stock: string | number; }'.\n" +
        "  Type '{ shop: string; }' is missing the following properties from type " +
        "'{ shop: string; item: string; stock: string | number; }': item, stock",
    ])
  })

  it('shows every parameter when none is given', () => {
    expect(errors.missingAll).toEqual([
      "Argument of type '{}' is not assignable to parameter of type " +
        "'DataTableLike | { shop: string; item: string; stock: string | number; }'.",
    ])
  })

  it("names a group's missing parameter in its row", () => {
    expect(errors.missingInAGroup).toEqual([
      "Property 'stock' is missing in type '{ item: string; }' " +
        "but required in type '{ item: string; stock: string | number; }'.",
    ])
    expect(errors.missingOdds).toEqual([
      "Property 'price' is missing in type '{ leg: string; }' " +
        "but required in type '{ leg: string; price: string | Odds; }'.",
    ])
  })
})

describe('a data table', () => {
  it('is taken for the whole call and for a group', () => {
    expect(errors.tables).toEqual([])
  })
})

/** Each snippet's compile errors, compiled after `header` as a module of its own, in one program. */
function typeErrorsOf<K extends string>(modules: Readonly<Record<K, string>>): Record<K, string[]> {
  const root = join(import.meta.dirname, '../../..')
  const { config } = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile)
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root)
  const texts = new Map(
    Object.entries<string>(modules).map(([name, code]) => [
      join(import.meta.dirname, `${name}.snippet.mts`),
      [...header, code, ''].join('\n'),
    ]),
  )
  const host = ts.createCompilerHost(options)
  const program = ts.createProgram({
    rootNames: [...texts.keys()],
    options,
    host: {
      ...host,
      fileExists: (path) => texts.has(path) || host.fileExists(path),
      readFile: (path) => texts.get(path) ?? host.readFile(path),
      getSourceFile: (path, language, ...rest) => {
        const text = texts.get(path)
        return text === undefined
          ? host.getSourceFile(path, language, ...rest)
          : ts.createSourceFile(path, text, language)
      },
    },
  })
  const found = {} as Record<K, string[]>
  for (const [name] of Object.entries(modules) as [K, string][]) {
    const source = program.getSourceFile(join(import.meta.dirname, `${name}.snippet.mts`))!
    found[name] = program
      .getSemanticDiagnostics(source)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
  }
  return found
}
