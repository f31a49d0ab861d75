import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { OutputTail } from './output-tail.ts'

describe('OutputTail', () => {
  it('interleaves whole lines of both streams in arrival order, prefixed, keeping the last few', async () => {
    const [stdout, stderr] = [new PassThrough(), new PassThrough()]
    const tail = new OutputTail(3)
    const seen: string[] = []
    tail.onLine((line) => seen.push(line))
    tail.follow(stdout, 'stdout')
    tail.follow(stderr, 'stderr')
    stdout.write('booting\nlisten')
    stderr.write('warning: slow disk\r\n')
    stdout.end('ing on :8080\nno newline at the end')
    stderr.end()
    await Promise.all([
      new Promise((resolve) => stdout.on('end', resolve)),
      new Promise((resolve) => stderr.on('end', resolve)),
    ])
    expect(seen).toEqual(['booting', 'warning: slow disk', 'listening on :8080', 'no newline at the end'])
    expect(tail.last()).toEqual([
      '[stderr] warning: slow disk',
      '[stdout] listening on :8080',
      '[stdout] no newline at the end',
    ])
    expect(tail.last(1)).toEqual(['[stdout] no newline at the end'])
  })

  it('masks the secrets in the lines it gives to be shown, not in those its listeners get', async () => {
    const stdout = new PassThrough()
    const tail = new OutputTail(3)
    const seen: string[] = []
    tail.onLine((line) => seen.push(line))
    tail.follow(stdout, 'stdout')
    stdout.end('listening on http://admin:pa55-word@127.0.0.1:8080/?token=tok-123\n')
    await new Promise((resolve) => stdout.on('end', resolve))
    expect(seen).toEqual(['listening on http://admin:pa55-word@127.0.0.1:8080/?token=tok-123'])
    expect(tail.last()).toEqual(['[stdout] listening on http://****:****@127.0.0.1:8080/?token=****'])
  })
})
