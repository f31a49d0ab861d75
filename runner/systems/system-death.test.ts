import { describe, expect, test } from 'vitest'
import { describeChannelNotRun, describeDeath, type SystemDeath } from './system-death.ts'

const at = new Date(2026, 11, 7, 17, 2, 3)
const killed: SystemDeath = {
  exit: { name: 'settlement', pid: 4242, code: null, signal: 'SIGKILL', at },
  during: 'ui',
  unreachable: 52,
  channelsNotRun: [],
}
const exited: SystemDeath = {
  exit: { name: 'docker', pid: 4243, code: 3, signal: null, at },
  after: 'api',
  unreachable: 0,
  channelsNotRun: ['http', 'stream'],
}

describe('describeDeath', () => {
  test('says which system, its pid, its signal or exit code, when, during or after which channel, what it cost', () => {
    expect(describeDeath(killed)).toBe(
      'settlement (pid 4242) was killed by SIGKILL at 17:02:03 during the ui channel: 52 scenarios could not reach it',
    )
    expect(describeDeath(exited)).toBe(
      'docker (pid 4243) exited with code 3 at 17:02:03 after the api channel: the http and stream channels, ' +
        'which need it, were not run',
    )
    expect(describeDeath({ ...killed, during: undefined, unreachable: 0 })).toBe(
      'settlement (pid 4242) was killed by SIGKILL at 17:02:03 before the first channel',
    )
  })

  test('says why a channel is not run', () => {
    expect(describeChannelNotRun([killed, exited])).toBe(
      'not run: it needs settlement, which was killed by SIGKILL during the ui channel, and docker, which ' +
        'exited with code 3 after the api channel',
    )
  })
})
