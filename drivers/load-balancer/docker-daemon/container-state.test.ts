import { describe, expect, it } from 'vitest'
import type { ContainerRecord } from './container-state.ts'
import { describeStatus, humanDuration } from './container-state.ts'

const base: ContainerRecord = {
  id: 'a'.repeat(64),
  name: 'web-1',
  image: 'img',
  imageId: 'sha256:b',
  command: 'node',
  createdMs: 0,
  labels: {},
  exposedPort: 8080,
  publish: false,
  publishIp: '0.0.0.0',
  bridgeIp: '172.17.0.2',
  loopbackIp: '127.93.4.211',
  hostPort: 8080,
  pid: undefined,
  env: [],
  healthcheck: undefined,
  state: 'running',
  health: 'none',
  startedMs: 0,
  finishedMs: 0,
  exitCode: 0,
}

describe('the Status column', () => {
  it('spells durations as Docker does', () => {
    expect([400, 1_000, 59_000, 90_000, 600_000, 3_600_000, 7_200_000].map(humanDuration)).toEqual([
      'Less than a second',
      '1 second',
      '59 seconds',
      'About a minute',
      '10 minutes',
      'About an hour',
      '2 hours',
    ])
  })

  it('describes every state and health', () => {
    expect([
      describeStatus({ ...base, health: 'starting' }, 3_000),
      describeStatus({ ...base, health: 'healthy' }, 3_000),
      describeStatus({ ...base, health: 'unhealthy' }, 0),
      describeStatus({ ...base, state: 'paused', health: 'healthy' }, 3_000),
      describeStatus({ ...base, state: 'exited', exitCode: 137, finishedMs: 1_000 }, 3_000),
      describeStatus({ ...base, state: 'created' }, 3_000),
    ]).toEqual([
      'Up 3 seconds (health: starting)',
      'Up 3 seconds (healthy)',
      'Up Less than a second (unhealthy)',
      'Up 3 seconds (Paused)',
      'Exited (137) 2 seconds ago',
      'Created',
    ])
  })
})
