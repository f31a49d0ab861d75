import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const source = fileURLToPath(new URL('./fixtures/project/', import.meta.url))
const repo = fileURLToPath(new URL('../../', import.meta.url))

/**
 * A temporary copy of the fixture project (runner/merge/fixtures/project) for
 * the tests that run the real CLI in it: its relative imports of Parlance made
 * absolute and the repository's node_modules linked in, so it runs anywhere
 * and its reports/ are its own. `remove()` deletes it.
 *
 * @example
 *   declare function runParlance(args: string[], cwd: string): Promise<{ code: number | null }>
 *   const project = copyFixtureProject()
 *   await runParlance(['run', '--shard', '1/2'], project.dir)
 *   project.remove()
 */
export function copyFixtureProject(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'parlance-shard-'))
  cpSync(source, dir, { recursive: true, filter: (path) => !path.includes(`${join(source, 'reports')}`) })
  for (const file of tsFiles(dir)) {
    const original = join(source, file.slice(dir.length))
    const text = readFileSync(file, 'utf8').replace(/from '(\.{1,2}\/[^']+)'/g, (match, path: string) => {
      const target = resolve(dirname(original), path)
      return target.startsWith(source) ? match : `from '${target}'`
    })
    writeFileSync(file, text)
  }
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir')
  // Outside the repository nothing says the .ts files are ES modules.
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'parlance-fixture-project', private: true, type: 'module' })}\n`,
  )
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
}
