import { describe, expect, it } from 'vitest'
import type { DockerEvent } from './event-json.ts'
import { matchesEvent, parseFilters } from './filters.ts'

const event = (Action: string, Attributes: Record<string, string> = {}): DockerEvent => ({
  status: Action,
  id: 'abc',
  from: 'img',
  Type: 'container',
  Action,
  Actor: { ID: 'abc', Attributes: { name: 'web-1', ...Attributes } },
  scope: 'local',
  time: 1,
  timeNano: 1e9,
})

describe('filters', () => {
  it('reads the list form and the legacy map form alike', () => {
    expect([...parseFilters('{"label":["a=b","c"],"status":{"running":true}}')]).toEqual([
      ['label', ['a=b', 'c']],
      ['status', ['running']],
    ])
    expect(parseFilters(null).size).toBe(0)
  })

  it('rejects a filter that is neither, naming it', () => {
    expect(() => parseFilters('{"label":"a=b"}')).toThrow(
      `invalid filter 'label': "a=b" is neither a list nor a map of values`,
    )
    expect(() => parseFilters('[1]')).toThrow(
      'invalid filter: "[1]" is not a JSON object; send {"label":["key=value"]}',
    )
  })

  it('matches event=health_status against every health_status: … action, and labels by key or key=value', () => {
    const healthy = event('health_status: healthy', { 'lb.enable': 'true' })
    expect(matchesEvent(parseFilters('{"event":["health_status"]}'), healthy)).toBe(true)
    expect(matchesEvent(parseFilters('{"event":["health_status: healthy"]}'), healthy)).toBe(true)
    expect(matchesEvent(parseFilters('{"event":["health_status: unhealthy"]}'), healthy)).toBe(false)
    expect(matchesEvent(parseFilters('{"label":["lb.enable"]}'), healthy)).toBe(true)
    expect(matchesEvent(parseFilters('{"label":["lb.enable=false"]}'), healthy)).toBe(false)
    expect(matchesEvent(parseFilters('{"container":["web-1"],"type":["container"]}'), healthy)).toBe(true)
  })
})
