// One /events object, normalised. Daemons send `Type`, `Action`, `Actor.ID`,
// `Actor.Attributes`, `time`, `timeNano`; API < 1.22 sent `status`, `id`,
// `from`; current daemons send both. Health arrives as
// Action "health_status: healthy" or as a bare "health_status" with the status
// in the attributes.
import type { HealthState } from './container-summary.ts'

/** The container actions discovery acts on. */
export type ContainerAction = 'start' | 'die' | 'stop' | 'kill' | 'pause' | 'unpause' | 'destroy' | 'health'

/**
 * A container event discovery acts on.
 *
 * @example
 *   normaliseEvent({ Type: 'container', Action: 'health_status: healthy', Actor: { ID: 'abc', Attributes: {} } })
 *   // { id: 'abc', action: 'health', health: 'healthy', attributes: {} }
 */
export interface ContainerEvent {
  id: string
  action: ContainerAction
  /** Set when `action` is `health`. */
  health?: Exclude<HealthState, 'none'>
  attributes: Record<string, string>
  /** Nanoseconds since the epoch, when the daemon says. */
  timeNano?: bigint
}

const ACTIONS = new Set<string>(['start', 'die', 'stop', 'kill', 'pause', 'unpause', 'destroy'])
const HEALTH = new Set<string>(['healthy', 'unhealthy', 'starting'])

/** Normalises one decoded /events object; `undefined` for events discovery ignores. */
export function normaliseEvent(raw: unknown): ContainerEvent | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined
  const event = raw as Record<string, unknown>
  const type = stringOf(event['Type'])
  if (type !== undefined && type !== 'container') return undefined
  const actor = (typeof event['Actor'] === 'object' && event['Actor'] !== null ? event['Actor'] : {}) as Record<
    string,
    unknown
  >
  const id = stringOf(actor['ID']) ?? stringOf(event['id'])
  const action = (stringOf(event['Action']) ?? stringOf(event['status']))?.trim()
  if (id === undefined || id === '' || action === undefined) return undefined
  const attributes = attributesOf(actor['Attributes'])
  const timeNano = timeOf(event)
  const base = { id, attributes, ...(timeNano === undefined ? {} : { timeNano }) }

  if (action.startsWith('health_status')) {
    const status = action.includes(':') ? action.slice(action.indexOf(':') + 1).trim() : attributes['health_status']
    if (status === undefined || !HEALTH.has(status)) return undefined
    return { ...base, action: 'health', health: status as Exclude<HealthState, 'none'> }
  }
  if (!ACTIONS.has(action)) return undefined
  return { ...base, action: action as ContainerAction }
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function attributesOf(value: unknown): Record<string, string> {
  const attributes: Record<string, string> = {}
  if (typeof value !== 'object' || value === null) return attributes
  for (const [key, v] of Object.entries(value)) if (typeof v === 'string') attributes[key] = v
  return attributes
}

function timeOf(event: Record<string, unknown>): bigint | undefined {
  const nano = event['timeNano']
  if (typeof nano === 'number' && Number.isFinite(nano)) return BigInt(Math.trunc(nano))
  const seconds = event['time']
  if (typeof seconds === 'number' && Number.isFinite(seconds)) return BigInt(Math.trunc(seconds)) * 1_000_000_000n
  return undefined
}
