import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { countLines, eachLine, lineText, startsWith } from './ndjson-lines.ts'

const ACCEPTED = Buffer.from('{"ok":true')

describe('eachLine', () => {
  it('gives every non-empty line whole, across chunk boundaries, the unterminated last one too', async () => {
    const chunks = ['{"ok":tr', 'ue}\n\n{"ok":fal', 'se,"error":"é"}\n{"ok":true}'].map((text) => Buffer.from(text))
    const lines: Array<[string, boolean]> = []
    await eachLine(Readable.from(chunks), (chunk, start, end) =>
      lines.push([lineText(chunk, start, end), startsWith(chunk, start, end, ACCEPTED)]),
    )
    expect(lines).toEqual([
      ['{"ok":true}', true],
      ['{"ok":false,"error":"é"}', false],
      ['{"ok":true}', true],
    ])
  })
})

describe('countLines', () => {
  it('counts the newlines of each chunk', async () => {
    const counts: number[] = []
    await countLines(Readable.from([Buffer.from('a\nb\n'), Buffer.from('c'), Buffer.from('\n')]), (n) => counts.push(n))
    expect(counts).toEqual([2, 1])
  })
})
