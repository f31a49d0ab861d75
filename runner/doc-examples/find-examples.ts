import ts from 'typescript'

/**
 * One line of an `@example`, with the line of the source file it came from.
 *
 * @example
 *   const line: ExampleLine = { text: "aliases.alias('Alice')", line: 21 }
 */
export interface ExampleLine {
  text: string
  /** 1-based line in the source file. */
  line: number
}

/**
 * One TSDoc `@example` code block found in a source file. `language` is the
 * fence's language when the block is fenced (```ts); an unfenced block is
 * TypeScript.
 *
 * @example
 *   const lines = [{ text: "toMilliseconds('2s', 'timeout')", line: 31 }]
 *   const example: DocExample = { file: 'drivers/core/duration-input.ts', line: 30, language: 'ts', lines }
 */
export interface DocExample {
  /** Relative to the repository root, with forward slashes. */
  file: string
  /** The line of the `@example` tag. */
  line: number
  language: string
  lines: ExampleLine[]
}

/** The fence languages that are TypeScript; any other language is not checked. */
export const typeScriptLanguages: ReadonlySet<string> = new Set(['', 'ts', 'typescript', 'mts'])

/**
 * Whether an example is TypeScript, and so is compiled: an unfenced block, a
 * fence with no language, or one marked `ts`/`typescript`. ```sh, ```gherkin,
 * ```text… are not.
 *
 * @example
 *   isTypeScript({ file: 'a.ts', line: 3, language: 'sh', lines: [] }) // false
 */
export function isTypeScript(example: DocExample): boolean {
  return typeScriptLanguages.has(example.language.toLowerCase())
}

/**
 * Finds every `@example` in the `/** … *\/` comments of one source file. The
 * block runs from the tag to the next tag or the end of the comment; the
 * comment's `*` margin and the block's common indentation are removed. A block
 * holding fences gives one example per fence and ignores the prose around them.
 *
 * @example
 *   const text = "/**\n * @example\n *   double(2) // 4\n *\/\nexport const double = (n: number) => n * 2"
 *   findExamples('maths.ts', ts.createSourceFile('maths.ts', text, ts.ScriptTarget.Latest))
 *   // [{ file: 'maths.ts', line: 2, language: '', lines: [{ text: 'double(2) // 4', line: 3 }] }]
 */
export function findExamples(file: string, source: ts.SourceFile): DocExample[] {
  const text = source.text
  if (!text.includes('@example')) return []
  const examples: DocExample[] = []
  for (const comment of docComments(source)) {
    const firstLine = source.getLineAndCharacterOfPosition(comment.pos).line + 1
    const lines = commentLines(text.slice(comment.pos, comment.end)).map((line, index) => ({
      text: line,
      line: firstLine + index,
    }))
    examples.push(...examplesIn(file, lines))
  }
  return examples
}

/** Every `/** … *\/` comment of the file, each once, found by the TypeScript parser so strings never count. */
function docComments(source: ts.SourceFile): ts.CommentRange[] {
  const text = source.text
  const seen = new Map<number, ts.CommentRange>()
  const collect = (pos: number) => {
    for (const range of ts.getLeadingCommentRanges(text, pos) ?? []) {
      if (text.startsWith('/**', range.pos) && !seen.has(range.pos)) seen.set(range.pos, range)
    }
  }
  const visit = (node: ts.Node) => {
    collect(node.pos)
    ts.forEachChild(node, visit)
    collect(node.end)
  }
  visit(source)
  collect(source.endOfFileToken.pos)
  return [...seen.values()].sort((a, b) => a.pos - b.pos)
}

/** The comment's lines without `/**`, `*\/` and the ` * ` margin. */
function commentLines(comment: string): string[] {
  return comment
    .replace(/^\/\*\*/, '')
    .replace(/\*\/$/, '')
    .split('\n')
    .map((line) => line.replace(/\r$/, '').replace(/^\s*\* ?/, ''))
}

const tagLine = /^\s*@(\w+)/
const fenceLine = /^\s*```\s*([\w-]*)\s*$/

function examplesIn(file: string, lines: ExampleLine[]): DocExample[] {
  const examples: DocExample[] = []
  for (let i = 0; i < lines.length; i++) {
    const tag = tagLine.exec(lines[i]!.text)
    if (tag?.[1] !== 'example') continue
    const sameLine = { text: lines[i]!.text.replace(tagLine, ''), line: lines[i]!.line }
    let end = i + 1
    while (end < lines.length && !tagLine.test(lines[end]!.text)) end++
    examples.push(...blocksOf(file, lines[i]!.line, [sameLine, ...lines.slice(i + 1, end)]))
    i = end - 1
  }
  return examples
}

function blocksOf(file: string, tagLineNumber: number, body: ExampleLine[]): DocExample[] {
  if (!body.some((line) => fenceLine.test(line.text))) {
    return [{ file, line: tagLineNumber, language: '', lines: dedent(trimBlankEnds(body)) }]
  }
  const examples: DocExample[] = []
  let open: { language: string; lines: ExampleLine[] } | undefined
  for (const line of body) {
    const fence = fenceLine.exec(line.text)
    if (fence && !open) open = { language: fence[1] ?? '', lines: [] }
    else if (fence && open) {
      examples.push({ file, line: tagLineNumber, language: open.language, lines: dedent(open.lines) })
      open = undefined
    } else open?.lines.push(line)
  }
  if (open) examples.push({ file, line: tagLineNumber, language: open.language, lines: dedent(open.lines) })
  return examples
}

function trimBlankEnds(lines: ExampleLine[]): ExampleLine[] {
  let start = 0
  let end = lines.length
  while (start < end && lines[start]!.text.trim() === '') start++
  while (end > start && lines[end - 1]!.text.trim() === '') end--
  return lines.slice(start, end)
}

function dedent(lines: ExampleLine[]): ExampleLine[] {
  const indents = lines.filter((line) => line.text.trim() !== '').map((line) => /^\s*/.exec(line.text)![0].length)
  const common = indents.length > 0 ? Math.min(...indents) : 0
  return lines.map((line) => ({ text: line.text.slice(common).trimEnd(), line: line.line }))
}
