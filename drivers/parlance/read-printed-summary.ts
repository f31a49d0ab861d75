import type { PrintedCell, SystemDeathNotice, SystemStartFailure } from './suite-run.ts'

/**
 * The scenario × channel table `parlance run` printed, cell by cell: the
 * lines from the `Scenario` header to the first blank line, columns found by
 * the header's channel names. Empty if it printed no table.
 *
 * @example
 *   readPrintedTable('Scenario        api      ui\nLedger\n  Alice is paid  passed   n/a\n\n…')
 *   // [{ scenario: 'Alice is paid', channel: 'api', text: 'passed' },
 *   //  { scenario: 'Alice is paid', channel: 'ui', text: 'n/a' }]
 */
export function readPrintedTable(stdout: string): PrintedCell[] {
  const lines = stdout.split('\n')
  const start = lines.findIndex((line) => /^Scenario\s{2,}\S/.test(line))
  if (start < 0) return []
  const header = lines[start]!
  const columns: { channel: string; from: number }[] = []
  for (const match of header.matchAll(/\S+/g))
    if (match.index > 0) columns.push({ channel: match[0], from: match.index })
  const cells: PrintedCell[] = []
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') break
    if (!line.startsWith('  ')) continue // a feature's name
    const scenario = line.slice(0, columns[0]?.from).trim()
    columns.forEach(({ channel, from }, i) =>
      cells.push({ scenario, channel, text: line.slice(from, columns[i + 1]?.from).trim() }),
    )
  }
  return cells
}

/**
 * The verdict `parlance run` printed last: `Result    passed: …` or `Result    FAILED: …`.
 *
 * @example
 *   readVerdict('…\nResult    FAILED: 1 failed, 1 passed\n') // 'failed'
 *   readVerdict('') // undefined: it stopped before running the specs
 */
export function readVerdict(stdout: string): 'passed' | 'failed' | undefined {
  const verdict = /^Result\s+(passed|FAILED):/m.exec(stdout)?.[1]
  return verdict === undefined ? undefined : verdict === 'passed' ? 'passed' : 'failed'
}

/**
 * The system `parlance run` could not start, and the last lines of output it
 * showed for it, without their `[stdout]`/`[stderr]` labels.
 *
 * @example
 *   readSystemStartFailure(
 *     'parlance run: Process "ledger" (node system/ledger.mjs) exited with code 3 before it was ready (…). ' +
 *       'Its last 1 line of output:\n  [stderr] ledger: corrupt\n',
 *   )
 *   // { system: 'ledger', lastLines: ['ledger: corrupt'] }
 */
export function readSystemStartFailure(stderr: string): SystemStartFailure | undefined {
  const lines = stderr.split('\n')
  const at = lines.findIndex((line) =>
    /^parlance run: Process "[^"]+" .*(before it was ready|was not ready within)/.test(line),
  )
  if (at < 0) return undefined
  const system = /Process "([^"]+)"/.exec(lines[at]!)![1]!
  const lastLines: string[] = []
  for (const line of lines.slice(at + 1)) {
    const output = /^ {2}\[(?:stdout|stderr)\] (.*)$/.exec(line)
    if (!output) break
    lastLines.push(output[1]!)
  }
  return { system, lastLines }
}

/**
 * The notices of a system dying, as `parlance run` prints them the moment it
 * notices, on a line of their own (not the summary's indented repetition).
 *
 * @example
 *   readSystemDeaths('..\n✗ ledger (pid 4242) was killed by SIGKILL at 17:02:03 during the ledger/api channel\nF.\n')
 *   // [{ system: 'ledger', pid: 4242, how: 'was killed by SIGKILL', channel: 'api' }]
 */
export function readSystemDeaths(stdout: string): SystemDeathNotice[] {
  return stdout.split('\n').flatMap((line) => {
    const notice = DEATH_NOTICE.exec(line)
    if (!notice) return []
    const [, system = '', pid = '', how = '', channel] = notice
    return [{ system, pid: Number(pid), how, ...(channel ? { channel } : {}) }]
  })
}

// ✗ ledger (pid 4242) was killed by SIGKILL at 17:02:03 during the ledger/api channel (the domain's api channel)
const DEATH_NOTICE = new RegExp(
  String.raw`^✗ (\S+) \(pid (\d+)\) (was killed by \S+|exited with code \d+|exited) at \d\d:\d\d:\d\d ` +
    String.raw`(?:during the (?:[^\s/]+/)?(\S+) channel|after the \S+ channel|before the first channel)$`,
)
