import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { race } from './support/fixtures.ts'
import { dataDirEachTest, runMain, startEngineProcess } from './support/engine-process.ts'
import { get } from './support/http.ts'

const tempDir = dataDirEachTest('settlement-cli-')

describe('settlement-engine on the command line', () => {
  it('lists its options with --help', async () => {
    const { code, stdout } = await runMain(['--help'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Usage: settlement-engine \[options\]/)
    for (const option of [
      '--port N',
      '--host HOST',
      '--data-dir DIR',
      '--max-body BYTES',
      '--no-fsync',
      '-h, --help',
      'ingest FILE',
    ])
      expect(stdout).toContain(option)
  })

  it('prints its address, listening on 127.0.0.1 by default', async () => {
    const engine = await startEngineProcess(join(tempDir(), 'data'))
    expect(engine.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(engine.output()).toMatch(/^settlement engine listening on http:\/\/127\.0\.0\.1:\d+\n$/)
  })

  it.each([
    [['--bogus'], "Unknown option '--bogus'"],
    [['--port', '70000'], '--port "70000" is not a whole number from 0 to 65535'],
    [['--port'], "Option '--port <value>' argument missing"],
    [['--max-body', '0'], '--max-body "0" is not a whole number from 1 to 1073741824'],
    [['serve'], 'unknown command "serve"; the only command is "ingest FILE" (serving needs none)'],
    [['ingest'], 'ingest needs the FILE to feed, e.g. ingest weekend.ndjson'],
    [['ingest', 'a', 'b'], 'ingest takes one FILE, not 2: a b'],
  ])('refuses %j with exit code 2', async (args, message) => {
    const { code, stderr } = await runMain(args)
    expect(code).toBe(2)
    expect(stderr).toBe(`settlement-engine: ${message}\nRun settlement-engine --help for the options.\n`)
  })

  it('ingests an NDJSON command file into the data directory and prints a summary', { timeout: 30_000 }, async () => {
    const file = join(tempDir(), 'day.ndjson')
    const bet = (runner: string) =>
      JSON.stringify({ type: 'bet', customer: 'alice', stake: '10', legs: [{ event: 'R1', runner, price: '5/1' }] })
    writeFileSync(
      file,
      [
        JSON.stringify({ type: 'event', ...race('R1') }),
        bet('Red Rum'),
        bet('Nobody'),
        bet('Crisp'),
        JSON.stringify({ type: 'result', event: 'R1', placings: [['Red Rum']] }),
      ].join('\n'),
    )
    const data = join(tempDir(), 'data')
    const { code, stdout } = await runMain(['ingest', file, '--data-dir', data])
    expect(code).toBe(1)
    expect(stdout).toMatch(
      new RegExp(`^ingested ${file}: 5 commands, 4 accepted, 1 refused, 2 settlements, in \\d+\\.\\d s\\n`),
    )
    expect(stdout).toContain('  command 3 refused: {"ok":false,"error":{"code":"unknown-runner"')
    const engine = await startEngineProcess(data)
    expect((await get(engine.url, '/bets/b1')).body).toMatchObject({ status: 'settled', returns: '60.00' })
  })

  it('will not share its data directory with a running engine', async () => {
    const data = join(tempDir(), 'data')
    const engine = await startEngineProcess(data)
    const file = join(tempDir(), 'empty.ndjson')
    writeFileSync(file, '')
    const { code, stderr } = await runMain(['ingest', file, '--data-dir', data])
    expect(code).toBe(1)
    expect(stderr).toBe(
      `settlement-engine: the data directory ${data} is in use by process ${engine.pid}; stop it first, or use ` +
        `another --data-dir\n`,
    )
  })
})
