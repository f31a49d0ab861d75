import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dataDirEachTest, runMain, startEngineProcess } from './support/engine-process.ts'
import { openRawConnection, readRawResponse } from './support/raw-connection.ts'

const tempDir = dataDirEachTest('settlement-timeouts-')

describe('settlement-engine’s timeout options', () => {
  it('lists them with their defaults in --help', async () => {
    const { stdout } = await runMain(['--help'])
    expect(stdout).toContain(
      '  --header-timeout-ms MS     a request line and headers not all in within MS are\n' +
        '                             answered 408 and closed (default 10000)\n' +
        "  --body-idle-timeout-ms MS  a request body (POST /stream's too) that sends no\n" +
        '                             byte for MS is answered 408, or cut (default 30000)\n' +
        '  --body-timeout-ms MS       a JSON body not all in within MS is answered 408;\n' +
        '                             POST /stream is exempt (default 60000)\n' +
        '  --idle-timeout-ms MS       a keep-alive connection with no request for MS is\n' +
        '                             closed (default 5000)\n',
    )
  })

  it.each([
    [['--header-timeout-ms', '0'], '--header-timeout-ms "0" is not a whole number from 1 to 86400000'],
    [['--body-idle-timeout-ms', '1.5'], '--body-idle-timeout-ms "1.5" is not a whole number from 1 to 86400000'],
    [['--body-timeout-ms', '86400001'], '--body-timeout-ms "86400001" is not a whole number from 1 to 86400000'],
    [['--idle-timeout-ms', 'soon'], '--idle-timeout-ms "soon" is not a whole number from 1 to 86400000'],
    [['ingest', 'day.ndjson', '--idle-timeout-ms', '5'], 'ingest serves nothing, so --idle-timeout-ms does not apply'],
  ])('refuses %j with exit code 2', async (args, message) => {
    const { code, stderr } = await runMain(args)
    expect(code).toBe(2)
    expect(stderr).toBe(`settlement-engine: ${message}\nRun settlement-engine --help for the options.\n`)
  })

  it('serves with the timeouts given', async () => {
    const timeouts = ['--header-timeout-ms', '300', '--body-idle-timeout-ms', '400', '--idle-timeout-ms', '300']
    const engine = await startEngineProcess(join(tempDir(), 'data'), timeouts)
    const silent = await openRawConnection(engine.url)
    const stalled = await openRawConnection(engine.url)
    stalled.write('POST /bets HTTP/1.1\r\nHost: engine\r\nContent-Type: application/json\r\nContent-Length: 9\r\n\r\n{')
    expect(await silent.closed).toBe('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n')
    expect(JSON.parse(readRawResponse(await stalled.closed).body)).toEqual({
      error: {
        code: 'request-timeout',
        message: 'no byte of the request body arrived for 400 ms; send the whole body without pausing',
      },
    })
  })
})
