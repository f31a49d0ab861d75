import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CommandLog } from './command-log.ts'
import { LogCorruptError } from './log-corrupt-error.ts'
import { RefusedLogLine } from './refused-log-line.ts'
import { replayLog } from './replay-log.ts'

const EVENT = '{"type":"event","id":"R1","name":"R1","runners":["Red Rum","Crisp"]}'
const BET = '{"type":"bet","customer":"alice","stake":"12","legs":[{"event":"R1","runner":"Red Rum","price":"5/1"}]}'
const RESULT = '{"type":"result","event":"R1","placings":[["Red Rum"]]}'
const WHAT_TO_DO = 'Restore the data directory from a backup, or move the log aside to start empty.'

let dir: string
let path: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'replay-log-'))
  path = join(dir, 'commands.ndjson')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function checksum(line: string): string {
  return crc32(line).toString(16).padStart(8, '0')
}

async function writeLog(lines: string[]): Promise<string[]> {
  const log = await CommandLog.open(path, { sync: false })
  log.append(Buffer.from(`${lines[0]}\n`))
  log.append(Buffer.from(lines.slice(1).join('\n') + '\n'))
  await log.close()
  return readFileSync(path, 'utf8').split('\n').slice(0, -1)
}

/** Replays the log, refusing any line that is not JSON, as the engine does; returns the commands. */
async function replay(): Promise<{ commands: string[]; summary: Awaited<ReturnType<typeof replayLog>> }> {
  const commands: string[] = []
  const summary = await replayLog(path, (block) => {
    let start = 0
    for (const line of block.toString().split('\n').slice(0, -1)) {
      try {
        JSON.parse(line)
      } catch {
        throw new RefusedLogLine(start, 'invalid-json', 'the engine refuses it (invalid-json)')
      }
      commands.push(line)
      start += Buffer.byteLength(line) + 1
    }
  })
  return { commands, summary }
}

describe('replayLog', () => {
  it('gives back the commands appended, checksums verified and cut off', async () => {
    const lines = await writeLog([EVENT, BET, RESULT])
    expect(lines).toEqual([EVENT, BET, RESULT].map((command) => `${checksum(command)} ${command}`))
    expect(await replay()).toEqual({
      commands: [EVENT, BET, RESULT],
      summary: { bytes: readFileSync(path).length, droppedBytes: 0, format: 'checksummed' },
    })
  })

  it.each([
    ['a value changed that is still valid JSON', 2, (line: string) => line.replace('"stake":"12"', '"stake":"92"')],
    ['a key changed', 2, (line: string) => line.replace('"stake"', '"stakx"')],
    ['a changed checksum', 2, (line: string) => `0${line.slice(1)}`],
    ['a changed last complete line', 3, (line: string) => line.replace('Red Rum', 'Red Run')],
  ])('refuses %s, naming its line and what to do', async (_what, lineNumber, damage) => {
    const lines = await writeLog([EVENT, BET, RESULT])
    const original = lines[lineNumber - 1]!
    const damaged = damage(original)
    lines[lineNumber - 1] = damaged
    writeFileSync(path, lines.join('\n') + '\n')
    const replaying = replay()
    await expect(replaying).rejects.toThrow(LogCorruptError)
    await expect(replaying).rejects.toThrow(
      `the command log ${path} cannot be replayed: line ${lineNumber}: its checksum ${damaged.slice(0, 8)} does not ` +
        `match its content (CRC-32 ${checksum(damaged.slice(9))}), so it changed after it was written: ` +
        `${JSON.stringify(damaged.slice(0, 80))}${damaged.length > 80 ? '…' : ''}. ${WHAT_TO_DO}`,
    )
  })

  it('refuses a line without a checksum among lines with one', async () => {
    const lines = await writeLog([EVENT, BET, RESULT])
    lines[1] = BET
    writeFileSync(path, lines.join('\n') + '\n')
    await expect(replay()).rejects.toThrow(
      `the command log ${path} cannot be replayed: line 2: it does not start with a checksum (8 hex digits and a ` +
        `space) as every line of this log must: ${JSON.stringify(BET.slice(0, 80))}…. ${WHAT_TO_DO}`,
    )
  })

  it('drops an unterminated last line, checksum or not, and cuts it from the file', async () => {
    await writeLog([EVENT, BET])
    const size = readFileSync(path).length
    const torn = `${checksum(RESULT)} ${RESULT}`
    appendFileSync(path, torn)
    expect(await replay()).toEqual({
      commands: [EVENT, BET],
      summary: { bytes: size, droppedBytes: torn.length, format: 'checksummed' },
    })
    expect(readFileSync(path).length).toBe(size)
  })

  it('replays a log written before checksums as plain JSON lines, and says so', async () => {
    writeFileSync(path, `${EVENT}\n${BET}\n{"type":"res`)
    expect(await replay()).toEqual({
      commands: [EVENT, BET],
      summary: { bytes: EVENT.length + BET.length + 2, droppedBytes: 12, format: 'legacy' },
    })
  })

  it('refuses a log that mixes lines with and without checksums', async () => {
    writeFileSync(path, `${EVENT}\n${checksum(BET)} ${BET}\n`)
    await expect(replay()).rejects.toThrow(
      `the command log ${path} cannot be replayed: line 2: it has a checksum, but the first line of the log has ` +
        `none; a log holds lines of one form only. ${WHAT_TO_DO}`,
    )
  })

  it('finds nothing to replay when there is no log yet', async () => {
    expect(await replay()).toEqual({ commands: [], summary: { bytes: 0, droppedBytes: 0, format: 'checksummed' } })
  })
})
