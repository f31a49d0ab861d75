import { describe, expect, it } from 'vitest'
import { escapeLabelValue, renderPrometheusText } from '../src/admin/index.ts'

describe('renderPrometheusText', () => {
  it('renders every family with HELP, TYPE and escaped labels', () => {
    const text = renderPrometheusText({
      proxy: {
        responses: { 'shop.test': { '200': 3, '502': 1 }, 'a"b\\c': { '404': 1 } },
        retries: 2,
        errors: { ECONNREFUSED: 1 },
        forwarded: { abc: 3 },
      },
      inFlight: { abc: 1 },
      discoveryConnected: true,
      discoveryReconnects: 4,
    })
    expect(text).toBe(
      [
        '# HELP lb_requests_total Responses the proxy sent, by Host and status code.',
        '# TYPE lb_requests_total counter',
        'lb_requests_total{host="shop.test",code="200"} 3',
        'lb_requests_total{host="shop.test",code="502"} 1',
        'lb_requests_total{host="a\\"b\\\\c",code="404"} 1',
        '# HELP lb_errors_total Backend connection errors, by code.',
        '# TYPE lb_errors_total counter',
        'lb_errors_total{code="ECONNREFUSED"} 1',
        '# HELP lb_retries_total Requests retried on another replica.',
        '# TYPE lb_retries_total counter',
        'lb_retries_total 2',
        '# HELP lb_replica_requests_total Requests forwarded, by replica id.',
        '# TYPE lb_replica_requests_total counter',
        'lb_replica_requests_total{replica="abc"} 3',
        '# HELP lb_replica_in_flight Requests a replica is serving now.',
        '# TYPE lb_replica_in_flight gauge',
        'lb_replica_in_flight{replica="abc"} 1',
        '# HELP lb_discovery_connected 1 when the Docker event stream is open and synced.',
        '# TYPE lb_discovery_connected gauge',
        'lb_discovery_connected 1',
        '# HELP lb_discovery_reconnects_total Reconnects to the Docker daemon since start.',
        '# TYPE lb_discovery_reconnects_total counter',
        'lb_discovery_reconnects_total 4',
        '',
      ].join('\n'),
    )
  })

  it('escapes backslash, quote and newline in label values', () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd')
  })
})
