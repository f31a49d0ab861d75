import { existsSync, linkSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addChecksums } from './add-checksums.ts'
import { withChecksums } from './checksum-lines.ts'

const LEGACY = '{"type":"event","id":"R1","name":"R1","runners":["Red Rum","Crisp"]}\n{"type":"void","event":"R1"}\n'

let dir: string
let path: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'add-checksums-'))
  path = join(dir, 'commands.ndjson')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('addChecksums', () => {
  it('rewrites the log with checksums and keeps the original beside it', async () => {
    writeFileSync(path, LEGACY)
    expect(await addChecksums(path)).toBe(`${path}.pre-checksum`)
    expect(readFileSync(path)).toEqual(withChecksums(Buffer.from(LEGACY)))
    expect(readFileSync(`${path}.pre-checksum`, 'utf8')).toBe(LEGACY)
    expect(existsSync(`${path}.tmp`)).toBe(false)
  })

  it('finishes a rewrite a crash interrupted after keeping the original', async () => {
    writeFileSync(path, LEGACY)
    linkSync(path, `${path}.pre-checksum`)
    writeFileSync(`${path}.tmp`, 'half')
    await addChecksums(path)
    expect(readFileSync(path)).toEqual(withChecksums(Buffer.from(LEGACY)))
    expect(readFileSync(`${path}.pre-checksum`, 'utf8')).toBe(LEGACY)
  })

  it('leaves the log alone when another file has the name the original would be kept under', async () => {
    writeFileSync(path, LEGACY)
    writeFileSync(`${path}.pre-checksum`, 'something else\n')
    await expect(addChecksums(path)).rejects.toThrow(
      `cannot add checksums to the command log ${path}: the original would be kept as ${path}.pre-checksum, but ` +
        'another file has that name. Move it aside and start again.',
    )
    expect(readFileSync(path, 'utf8')).toBe(LEGACY)
    expect(statSync(`${path}.pre-checksum`).size).toBe(15)
  })
})
