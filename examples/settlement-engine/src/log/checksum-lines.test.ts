import { crc32 } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { hasChecksum, verifyChecksums, withChecksums } from './checksum-lines.ts'

const VOID = '{"type":"void","event":"R1"}'
const BET = '{"type":"bet","customer":"alice","stake":"12","legs":[{"event":"R1","runner":"Red Rum","price":"5/1"}]}'

function checksum(line: string): string {
  return crc32(line).toString(16).padStart(8, '0')
}

describe('withChecksums', () => {
  it('puts the CRC-32 of each line before it, lines split across and within buffers', () => {
    const written = withChecksums([Buffer.from(`${VOID}\n${BET}\n`), Buffer.from(`${VOID}\n`)]).toString()
    expect(written).toBe(`56bbf761 ${VOID}\n${checksum(BET)} ${BET}\n56bbf761 ${VOID}\n`)
  })

  it('refuses a line without its newline', () => {
    expect(() => withChecksums(Buffer.from(VOID))).toThrow(`a log line must end in a newline: ${JSON.stringify(VOID)}`)
  })
})

describe('verifyChecksums', () => {
  it('gives back the commands as they were appended', () => {
    const commands = verifyChecksums(withChecksums(Buffer.from(`${BET}\n${VOID}\n`)))
    expect(commands.toString()).toBe(`${BET}\n${VOID}\n`)
  })

  it.each([
    ['a value changed, still valid JSON', BET.replace('"12"', '"92"')],
    ['a key changed', BET.replace('"stake"', '"stakx"')],
  ])('finds %s', (_what, damaged) => {
    const block = Buffer.from(`56bbf761 ${VOID}\n${checksum(BET)} ${damaged}\n`)
    expect(verifyChecksums(block)).toEqual({
      line: 1,
      reason:
        `its checksum ${checksum(BET)} does not match its content (CRC-32 ${checksum(damaged)}), so it changed ` +
        `after it was written: ${JSON.stringify(`${checksum(BET)} ${damaged}`.slice(0, 80))}…`,
    })
  })

  it('finds a changed checksum', () => {
    expect(verifyChecksums(Buffer.from(`56bbf762 ${VOID}\n`))).toEqual({
      line: 0,
      reason:
        'its checksum 56bbf762 does not match its content (CRC-32 56bbf761), so it changed after it was written: ' +
        JSON.stringify(`56bbf762 ${VOID}`),
    })
  })

  it('finds a line without a checksum', () => {
    expect(verifyChecksums(Buffer.from(`56bbf761 ${VOID}\n${VOID}\n`))).toEqual({
      line: 1,
      reason:
        'it does not start with a checksum (8 hex digits and a space) as every line of this log must: ' +
        JSON.stringify(VOID),
    })
  })
})

describe('hasChecksum', () => {
  it('is 8 lowercase hex digits and a space', () => {
    expect(
      ['56bbf761 {}', '56BBF761 {}', '56bbf76 {}', '56bbf761{}', '{}'].map((line) => hasChecksum(Buffer.from(line), 0)),
    ).toEqual([true, false, false, false, false])
  })
})
