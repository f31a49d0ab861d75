import { expect, test } from 'vitest'
import { daemonPaths, dockerdArgs } from './dockerd-command.ts'
import { hostPath, mountsUnder } from './host.ts'

test("mountsUnder lists the state directory's mounts, deepest first", () => {
  const mounts = [
    '/dev/vda / ext4 rw 0 0',
    'overlay /tmp/d/data/overlay2/abc/merged overlay rw 0 0',
    'nsfs /tmp/d/exec/netns/f00 nsfs rw 0 0',
    'tmpfs /tmp/dd tmpfs rw 0 0',
    '',
  ].join('\n')
  expect(mountsUnder('/tmp/d', mounts)).toEqual(['/tmp/d/exec/netns/f00', '/tmp/d/data/overlay2/abc/merged'])
})

test('hostPath adds the sbin directories once', () => {
  expect(hostPath('/usr/bin:/usr/sbin')).toBe('/usr/bin:/usr/sbin:/usr/local/sbin:/sbin')
})

test("dockerd runs on the run's own state, on loopback", () => {
  expect(dockerdArgs(daemonPaths('/tmp/d'), 23750)).toEqual([
    '--data-root',
    '/tmp/d/data',
    '--exec-root',
    '/tmp/d/exec',
    '--pidfile',
    '/tmp/d/dockerd.pid',
    '-H',
    'unix:///tmp/d/docker.sock',
    '-H',
    'tcp://127.0.0.1:23750',
    '--storage-driver=overlay2',
    '--ip',
    '127.0.0.1',
  ])
})
