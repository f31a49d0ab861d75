import { formatProblem, type ExampleCheck } from './check-examples.ts'

/**
 * What `check.ts` prints for a check, and its exit code: each problem at its
 * source line and a count on stderr (exit 1), or one line of counts on stdout.
 *
 * @example
 *   renderCheck({ checked: 2, snippets: 1, skipped: 1, problems: [] }).stdout
 *   // 'doc examples: all 2 compile, 1 of them a docs snippet, 1 not TypeScript and skipped.\n'
 */
export function renderCheck({ checked, snippets, skipped, problems }: ExampleCheck): {
  stdout: string
  stderr: string
  exitCode: 0 | 1
} {
  const notTypeScript = skipped > 0 ? `, ${skipped} not TypeScript and skipped` : ''
  const ofThem = snippets > 0 ? `, ${snippets} of them ${snippets === 1 ? 'a docs snippet' : 'docs snippets'}` : ''
  if (problems.length === 0)
    return { stdout: `doc examples: all ${checked} compile${ofThem}${notTypeScript}.\n`, stderr: '', exitCode: 0 }
  const failingLines = new Set(problems.map((problem) => `${problem.file}:${problem.line}`)).size
  const stderr = [
    ...problems.map(formatProblem),
    '',
    `${count(problems.length, 'error')} on ${count(failingLines, 'line')} of doc examples ` +
      `(${count(checked, 'example')} checked${ofThem}${notTypeScript}).`,
    'Fix the example to the real API; declare what it uses but does not make, ' +
      'e.g. `declare const punter: Punter`. See docs/getting-started.md.',
    '',
  ].join('\n')
  return { stdout: '', stderr, exitCode: 1 }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
