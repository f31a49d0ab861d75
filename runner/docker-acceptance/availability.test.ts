import { describe, expect, test } from 'vitest'
import { type HostProbe, isCi, packagesToInstall, whyNoDaemon } from './availability.ts'

const ready: HostProbe = { platform: 'linux', uid: 0, has: () => true, bridgeExists: false, dockerChains: [] }

describe('whyNoDaemon', () => {
  test('a root Linux host with the tools, or apt-get to install them, can have a daemon', () => {
    expect(whyNoDaemon(ready)).toBeUndefined()
    expect(whyNoDaemon({ ...ready, has: (command) => command === 'apt-get' })).toBeUndefined()
  })

  test('says why not: not Linux, not root, nothing to install with, a daemon already there', () => {
    expect(whyNoDaemon({ ...ready, platform: 'darwin' })).toBe('the Docker daemon runs on Linux, and this is darwin')
    expect(whyNoDaemon({ ...ready, uid: 1000 })).toBe(
      'starting a Docker daemon needs root, and this runs as uid 1000; run it as root (CI does)',
    )
    expect(whyNoDaemon({ ...ready, has: (command) => command === 'busybox' || command === 'iptables' })).toBe(
      'docker.io is not installed and there is no apt-get to install it',
    )
    expect(whyNoDaemon({ ...ready, bridgeExists: true, dockerChains: ['nat/DOCKER'] })).toBe(
      "another Docker daemon owns this host's Docker network (the docker0 bridge, iptables nat/DOCKER exist " +
        'already), or an earlier run was killed before it cleaned up; stop that daemon, or remove them ' +
        '(ip link delete docker0; iptables -t nat -F DOCKER; iptables -t nat -X DOCKER; …), then run it again',
    )
  })
})

test('packagesToInstall names the Debian packages of what is missing', () => {
  expect(packagesToInstall(() => false)).toEqual(['docker.io', 'busybox-static', 'iptables'])
  expect(packagesToInstall((command) => command !== 'runc')).toEqual(['docker.io'])
  expect(packagesToInstall(() => true)).toEqual([])
})

test('isCi reads CI as CI providers set it', () => {
  expect([isCi({ CI: 'true' }), isCi({ CI: '1' }), isCi({ CI: 'false' }), isCi({ CI: '' }), isCi({})]).toEqual([
    true,
    true,
    false,
    false,
    false,
  ])
})
