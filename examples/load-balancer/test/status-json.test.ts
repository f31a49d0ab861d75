import { describe, expect, it } from 'vitest'
import { buildStatusJson } from '../src/admin/index.ts'

describe('buildStatusJson', () => {
  it('lists services, replicas with in-flight counts, ignored containers and discovery', () => {
    const status = buildStatusJson(
      {
        services: [
          {
            host: 'shop.test',
            replicas: [
              {
                id: 'r1',
                name: 'web-1',
                address: { host: '127.0.0.1', port: 32768 },
                weight: 1,
                healthy: true,
                draining: false,
                paused: false,
              },
              {
                id: 'r2',
                name: 'web-2',
                address: { host: '127.0.0.1', port: 32769 },
                weight: 2,
                healthy: false,
                draining: true,
                paused: false,
              },
            ],
          },
        ],
        hostsWithoutReplicas: ['gone.test'],
        ignored: [{ id: 'x9', name: 'db', reason: 'no "lb.host" label' }],
      },
      { dockerHost: 'unix:///tmp/d.sock', connected: true, lastSync: '2026-01-01T00:00:00.000Z', reconnects: 1 },
      { r2: 3 },
    )
    expect(status).toEqual({
      discovery: {
        dockerHost: 'unix:///tmp/d.sock',
        connected: true,
        lastSync: '2026-01-01T00:00:00.000Z',
        reconnects: 1,
      },
      services: [
        {
          host: 'shop.test',
          replicas: [
            {
              id: 'r1',
              name: 'web-1',
              address: '127.0.0.1:32768',
              healthy: true,
              draining: false,
              paused: false,
              inFlight: 0,
            },
            {
              id: 'r2',
              name: 'web-2',
              address: '127.0.0.1:32769',
              healthy: false,
              draining: true,
              paused: false,
              inFlight: 3,
            },
          ],
        },
      ],
      hostsWithoutReplicas: ['gone.test'],
      ignored: [{ id: 'x9', name: 'db', reason: 'no "lb.host" label' }],
    })
  })
})
