import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { minimatch } from 'minimatch'

/**
 * Folders whose examples are checked only when a pattern names them: the
 * checker's own test inputs, which hold wrong examples on purpose.
 *
 * @example
 *   notCheckedUnlessNamed.some((folder) => 'runner/doc-examples/fixtures/betting.ts'.startsWith(folder)) // true
 */
export const notCheckedUnlessNamed: readonly string[] = ['runner/doc-examples/fixtures/']

/**
 * The Markdown files whose ```ts snippets are checked: the README and the
 * docs (and the checker's fixtures, when named).
 *
 * @example
 *   snippetDocs.some((doc) => 'docs/examples/settlement.md'.startsWith(doc)) // true
 */
export const snippetDocs: readonly string[] = ['README.md', 'docs/']

/**
 * The files of the repository at `root` whose examples are checked: the
 * TypeScript files and the Markdown files of `snippetDocs` that git tracks or
 * would track (new files count before they are added), narrowed to
 * `patterns` when some are given. A pattern is a file, a folder or a glob,
 * relative to `cwd`.
 *
 * @example
 *   exampleFiles('/work/parlance', ['drivers/core', 'docs', 'examples/**\/src/*.ts'], '/work/parlance')
 *   exampleFiles('/work/parlance', []) // every .ts file, the README and docs/**\/*.md
 */
export function exampleFiles(root: string, patterns: readonly string[], cwd = process.cwd()): string[] {
  const listed = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '-z', '--', '*.ts', '*.mts', '*.cts', '*.md'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  )
  const files = [...new Set(listed.split('\0'))].filter((file) => file !== '' && existsSync(join(root, file))).sort()
  const wanted = patterns.map((pattern) => relative(root, resolve(cwd, pattern)).split(sep).join('/'))
  const named = notCheckedUnlessNamed.filter((folder) => wanted.some((pattern) => `${pattern}/`.startsWith(folder)))
  return files.filter(
    (file) =>
      (!file.endsWith('.md') || [...snippetDocs, ...notCheckedUnlessNamed].some((doc) => isIn(file, doc))) &&
      (wanted.length === 0 || wanted.some((pattern) => matches(file, pattern))) &&
      !notCheckedUnlessNamed.some((folder) => file.startsWith(folder) && !named.includes(folder)),
  )
}

function isIn(file: string, doc: string): boolean {
  return doc.endsWith('/') ? file.startsWith(doc) : file === doc
}

function matches(file: string, pattern: string): boolean {
  if (/[*?[{]/.test(pattern)) return minimatch(file, pattern)
  return pattern === '' || file === pattern || file.startsWith(`${pattern.replace(/\/$/, '')}/`)
}
