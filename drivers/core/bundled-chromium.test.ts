import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BundleUnavailable, extractBundledChromium } from './bundled-chromium.ts'

let root: string
let packageDir: string

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'parlance-bundle-'))
  packageDir = join(root, 'node_modules', '@sparticuz', 'chromium')
  mkdirSync(join(packageDir, 'bin'), { recursive: true })
  writeFileSync(join(packageDir, 'package.json'), JSON.stringify({ name: '@sparticuz/chromium', version: '153.0.0' }))
  writeFileSync(join(packageDir, 'bin', 'chromium.br'), brotliCompressSync(Buffer.from('#!/bin/sh\necho chromium\n')))
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

const linux = { platform: 'linux', arch: 'x64', packageDir: () => packageDir } as const

describe('extractBundledChromium', () => {
  it('extracts the binary once into node_modules/.cache/parlance, executable, and reuses it after', async () => {
    const first = await extractBundledChromium(linux)
    const path = join(root, 'node_modules', '.cache', 'parlance', 'chromium-153.0.0', 'chromium')
    expect(first).toEqual({ path, version: '153.0.0', extractedMs: expect.any(Number) })
    expect(readFileSync(path, 'utf8')).toBe('#!/bin/sh\necho chromium\n')
    expect(statSync(path).mode & 0o111).not.toBe(0)
    expect(await extractBundledChromium(linux)).toEqual({ path, version: '153.0.0' })
  })

  it('leaves no partial file behind when the archive is damaged', async () => {
    writeFileSync(join(packageDir, 'bin', 'chromium.br'), 'not brotli at all')
    const error = (await extractBundledChromium(linux).catch((e: unknown) => e)) as Error
    expect(error).toBeInstanceOf(BundleUnavailable)
    expect(error.message).toMatch(/^could not be extracted to .*\/chromium-153\.0\.0\/chromium: /)
    expect(readdirSync(join(root, 'node_modules', '.cache', 'parlance', 'chromium-153.0.0'))).toEqual([])
  })

  it('is not there on another platform, or without the package', async () => {
    await expect(extractBundledChromium({ ...linux, platform: 'darwin', arch: 'arm64' })).rejects.toThrow(
      new BundleUnavailable('ships Linux x64 only, not darwin arm64'),
    )
    rmSync(join(packageDir, 'bin', 'chromium.br'))
    await expect(extractBundledChromium(linux)).rejects.toThrow(
      new BundleUnavailable(`${join(packageDir, 'bin', 'chromium.br')} is missing: reinstall it with npm install`),
    )
  })
})
