/**
 * Where an object literal is in a config file's text: the offsets of its
 * `{` and of its matching `}`.
 *
 * @example
 *   const domains: ObjectSpan = { open: 412, close: 980 } // text[412] === '{', text[980] === '}'
 */
export interface ObjectSpan {
  open: number
  close: number
}

/**
 * The object literal at a path of property names — `['systems', 'stub',
 * 'env']` — the first found anywhere, each other as an entry of the one
 * before, as `name: {` or `'name': {` in the code: never in a comment, a
 * string or a regular expression. Undefined when a name is missing or is
 * there twice, or its braces do not match.
 *
 * @example
 *   const text = "export default defineConfig({\n  domains: {\n    shop: { channels: ['api'] },\n  },\n})\n"
 *   findObject(text, ['domains', 'shop']) // { open: 53, close: 73 }
 *   findObject(text, ['systems']) // undefined
 */
export function findObject(text: string, path: readonly string[]): ObjectSpan | undefined {
  const code = codeOnly(text)
  let span: ObjectSpan = { open: -1, close: text.length }
  for (const name of path) {
    const key = new RegExp(String.raw`(?:^|[\s{,])(?:${name}|'${name}'|"${name}")\s*:\s*\{`, 'g')
    const inside = code.slice(span.open + 1, span.close)
    const found = [...inside.matchAll(key)].filter((match) => span.open < 0 || depthAt(inside, match.index + 1) === 0)
    if (found.length !== 1) return undefined
    const open = span.open + 1 + found[0]!.index + found[0]![0].length - 1
    const close = matchingBrace(code, open)
    if (close === undefined) return undefined
    span = { open, close }
  }
  return span
}

/**
 * Adds lines at the end of a multi-line object literal, indented as its
 * entries are (or two spaces more than its closing brace, when it has none),
 * with a comma after the last entry if it lacks one. One line goes into an
 * object written on one line too; more than one do not: undefined.
 *
 * @example
 *   const text = 'x({\n  domains: {\n    a: {},\n  },\n})\n'
 *   appendEntry(text, findObject(text, ['domains'])!, ['b: {},'])
 *   // → 'x({\n  domains: {\n    a: {},\n    b: {},\n  },\n})\n'
 *   appendEntry('x({ env: { A: 1 } })', { open: 9, close: 16 }, ['B: 2,']) // 'x({ env: { A: 1, B: 2 } })'
 */
export function appendEntry(text: string, span: ObjectSpan, lines: readonly string[]): string | undefined {
  const body = text.slice(span.open + 1, span.close)
  if (!body.includes('\n')) return lines.length === 1 ? appendInline(text, span, lines[0]!) : undefined
  const closingLineStart = text.lastIndexOf('\n', span.close) + 1
  const closingIndent = /^[ \t]*/.exec(text.slice(closingLineStart))![0]
  if (closingLineStart + closingIndent.length !== span.close) return undefined
  const firstEntry = /\n([ \t]*)\S/.exec(body)
  const indent =
    firstEntry && span.open + 1 + firstEntry.index < closingLineStart - 1
      ? firstEntry[1]!
      : closingIndent + (closingIndent.startsWith('\t') ? '\t' : '  ')
  const code = codeOnly(text)
  const lastCode = code.slice(span.open + 1, closingLineStart).trimEnd()
  let before = text.slice(0, closingLineStart)
  if (lastCode !== '' && !lastCode.endsWith(',')) {
    const end = span.open + 1 + lastCode.length
    before = text.slice(0, end) + ',' + text.slice(end, closingLineStart)
  }
  return before + lines.map((line) => `${indent}${line}\n`).join('') + text.slice(closingLineStart)
}

function appendInline(text: string, span: ObjectSpan, line: string): string {
  const entry = line.replace(/,\s*$/, '')
  const last = codeOnly(text)
    .slice(span.open + 1, span.close)
    .trimEnd()
  if (last.trim() === '') return `${text.slice(0, span.open)}{ ${entry} }${text.slice(span.close + 1)}`
  const end = span.open + 1 + last.length
  return `${text.slice(0, end)}${last.endsWith(',') ? '' : ','} ${entry}${text.slice(end)}`
}

// The text with every comment blanked out, and every bracket inside a string, template or regular expression (newlines
// kept), so that offsets still match and no bracket there is taken for code. A string keeps its words: a key may be
// quoted.
function codeOnly(text: string): string {
  const out = [...text]
  let lastSignificant = ''
  let i = 0
  while (i < text.length) {
    const char = text[i]!
    const next = text[i + 1]
    const comment = char === '/' && (next === '/' || next === '*')
    let end: number
    if (comment && next === '/') end = lineEnd(text, i)
    else if (comment) end = text.includes('*/', i + 2) ? text.indexOf('*/', i + 2) + 2 : text.length
    else if (char === "'" || char === '"' || char === '`') end = quotedEnd(text, i, char)
    // A slash after a value divides; anywhere else it opens a regular expression.
    else if (char === '/' && !/[\w$)\]}]/.test(lastSignificant)) end = quotedEnd(text, i, '/')
    else {
      if (!/\s/.test(char)) lastSignificant = char
      i++
      continue
    }
    if (!comment) lastSignificant = 'a'
    for (let j = i; j < end; j++) if (comment ? out[j] !== '\n' : '{}[]()'.includes(out[j]!)) out[j] = ' '
    i = end
  }
  return out.join('')
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from)
  return newline < 0 ? text.length : newline
}

// The offset just past a quoted string, template or regular expression starting at `from` (its opening quote).
// Templates are taken whole, ${…} included: a config's templates hold no braces that matter here.
function quotedEnd(text: string, from: number, quote: string): number {
  let inClass = false
  for (let i = from + 1; i < text.length; i++) {
    const char = text[i]
    if (char === '\\') i++
    else if (quote === '/' && char === '[') inClass = true
    else if (quote === '/' && char === ']') inClass = false
    else if (char === quote && !inClass) return i + 1
    else if (char === '\n' && quote !== '`') return i
  }
  return text.length
}

function depthAt(code: string, offset: number): number {
  let depth = 0
  for (let i = 0; i < offset; i++) {
    const char = code[i]
    if (char === '{' || char === '[' || char === '(') depth++
    else if (char === '}' || char === ']' || char === ')') depth--
  }
  return depth
}

function matchingBrace(code: string, open: number): number | undefined {
  let depth = 0
  for (let i = open; i < code.length; i++) {
    const char = code[i]
    if (char === '{') depth++
    else if (char === '}' && --depth === 0) return i
  }
  return undefined
}
