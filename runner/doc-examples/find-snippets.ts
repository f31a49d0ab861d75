import type { DocExample, ExampleLine } from './find-examples.ts'

/**
 * The fence languages of a Markdown snippet that are compiled. A fence with
 * no language is not: in the docs it holds output, trees and JSON lines, so a
 * TypeScript snippet must say `ts`.
 *
 * @example
 *   snippetLanguages.has('ts') // true
 *   snippetLanguages.has('') // false: a tree or a program's output
 */
export const snippetLanguages: ReadonlySet<string> = new Set(['ts', 'typescript', 'mts'])

/**
 * Whether a Markdown snippet is compiled: its fence says TypeScript.
 * ```sh, ```gherkin, ```json, ```http, ```yaml, ```text and a bare ``` are not.
 *
 * @example
 *   isCompiledSnippet({ file: 'docs/concepts.md', line: 29, language: 'ts', lines: [] }) // true
 *   isCompiledSnippet({ file: 'docs/ci.md', line: 30, language: 'yaml', lines: [] }) // false
 */
export function isCompiledSnippet(snippet: DocExample): boolean {
  return snippetLanguages.has(snippet.language.toLowerCase())
}

// CommonMark: up to three spaces before the fence at the top level; a list item's content may be indented further.
const openingFence = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)[^`]*$/

/**
 * Finds every fenced code block of a Markdown file: its language (the
 * fence's first word), the line of its opening fence, and its lines without
 * the fence's own indentation (a fence inside a list item is indented). A
 * block runs to a closing fence of the same character, at least as long;
 * an unclosed block runs to the end of the file.
 *
 * @example
 *   findSnippets('docs/a.md', 'Some prose.\n\n```ts\nMoney.parse(\'£10\')\n```\n')
 *   // [{ file: 'docs/a.md', line: 3, language: 'ts', lines: [{ text: "Money.parse('£10')", line: 4 }] }]
 */
export function findSnippets(file: string, text: string): DocExample[] {
  const snippets: DocExample[] = []
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''))
  let open: { fence: string; indent: number; snippet: DocExample } | undefined
  lines.forEach((line, index) => {
    if (open) {
      const closing = line.trim()
      if (closing.startsWith(open.fence) && /^[`~]+$/.test(closing) && closing[0] === open.fence[0]) {
        snippets.push(open.snippet)
        open = undefined
      } else open.snippet.lines.push(unindented(line, open.indent, index + 1))
      return
    }
    const fence = openingFence.exec(line)
    if (!fence) return
    open = {
      fence: fence[2]!,
      indent: fence[1]!.length,
      snippet: { file, line: index + 1, language: fence[3] ?? '', lines: [] },
    }
  })
  if (open) snippets.push(open.snippet)
  return snippets
}

function unindented(text: string, indent: number, line: number): ExampleLine {
  const margin = /^\s*/.exec(text)![0].length
  return { text: text.slice(Math.min(indent, margin)), line }
}
