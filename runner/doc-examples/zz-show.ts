// temporary helper (not committed): print failing examples with errors
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import ts from 'typescript'
import { checkExamples } from './check-examples.ts'
import { exampleFiles } from './example-files.ts'
import { findExamples } from './find-examples.ts'
const root = resolve(import.meta.dirname, '../..')
const files = exampleFiles(root, process.argv.slice(2))
const { problems } = checkExamples(root, files)
const byFile = new Map<string, typeof problems>()
for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p])
for (const [file, ps] of byFile) {
  const text = readFileSync(join(root, file), 'utf8')
  const src = text.split('\n')
  const examples = findExamples(file, ts.createSourceFile(file, text, ts.ScriptTarget.Latest))
  console.log(`\n=== ${file}`)
  const imports = src.filter((l) => l.startsWith('import ')).join('\n')
  console.log(imports)
  for (const ex of examples) {
    const mine = ps.filter((p) => ex.lines.some((l) => l.line === p.line) || p.line === ex.line)
    if (mine.length === 0) continue
    let end = ex.lines.at(-1)?.line ?? ex.line
    while (end < src.length && !/^\s*\*\//.test(src[end - 1]!)) end++
    console.log(`--- @${ex.line}  decl: ${(src[end] ?? '').trim().slice(0, 200)}`)
    for (const l of ex.lines) {
      console.log(`${String(l.line).padStart(4)}| ${l.text}`)
      for (const p of mine.filter((p) => p.line === l.line)) console.log(`    !! ${p.message.split('\n').join(' / ')}`)
    }
  }
}
