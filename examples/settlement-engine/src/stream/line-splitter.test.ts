import { describe, expect, it } from 'vitest'
import { LineSplitter } from './line-splitter.ts'
import { LineTooLongError } from './line-too-long-error.ts'

describe('LineSplitter', () => {
  it('gives complete lines and keeps the straddling one for the next chunk', () => {
    const lines = new LineSplitter()
    expect(lines.push(Buffer.from('{"a":1}\n{"b"'))?.toString()).toBe('{"a":1}\n')
    expect(lines.push(Buffer.from(':2'))).toBeUndefined()
    expect(lines.push(Buffer.from('}\n{"c":3}\n'))?.toString()).toBe('{"b":2}\n{"c":3}\n')
    expect(lines.end()).toBeUndefined()
  })

  it('hands back an unterminated last line at the end', () => {
    const lines = new LineSplitter()
    lines.push(Buffer.from('{"a":1}\n{"b":2}'))
    expect(lines.end()?.toString()).toBe('{"b":2}')
  })

  it('refuses a line longer than its limit', () => {
    const lines = new LineSplitter(8)
    expect(() => lines.push(Buffer.from('123456789'))).toThrow(new LineTooLongError(8))
    expect(new LineTooLongError(8).message).toBe(
      'a line is longer than 8 bytes; send one command per line, each under 8 bytes',
    )
  })
})
