import type { ContainerRecord } from './container-state.ts'
import type { DockerEvent } from './event-json.ts'

/**
 * Docker's `filters` query parameter, decoded: filter name → accepted values.
 *
 * @example
 *   const filters: Filters = parseFilters('{"label":["lb.enable=true"]}')
 *   filters.get('label') // ['lb.enable=true']
 */
export type Filters = ReadonlyMap<string, readonly string[]>

/**
 * Thrown for a malformed `filters` parameter; the daemon answers 400 with its message.
 *
 * @example
 *   try {
 *     parseFilters('{')
 *   } catch (error) {
 *     if (error instanceof InvalidFilterError) error.message
 *   } // 'invalid filter: "{" is not JSON …', answered 400
 */
export class InvalidFilterError extends Error {
  override readonly name = 'InvalidFilterError'
}

/**
 * Decodes `filters`, in the current form `{"label":["a=b"]}` or the legacy `{"label":{"a=b":true}}`.
 *
 * @example
 *   parseFilters(null).size // 0
 *   parseFilters('{"status":{"running":true}}').get('status') // ['running']
 */
export function parseFilters(raw: string | null): Filters {
  const filters = new Map<string, string[]>()
  if (raw === null || raw === '') return filters
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch (cause) {
    throw new InvalidFilterError(`invalid filter: ${JSON.stringify(raw)} is not JSON; send {"label":["key=value"]}`, {
      cause,
    })
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidFilterError(
      `invalid filter: ${JSON.stringify(raw)} is not a JSON object; send {"label":["key=value"]}`,
    )
  }
  for (const [name, value] of Object.entries(parsed)) {
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) filters.set(name, value)
    else if (typeof value === 'object' && value !== null) filters.set(name, Object.keys(value))
    else
      throw new InvalidFilterError(
        `invalid filter '${name}': ${JSON.stringify(value)} is neither a list nor a map of values`,
      )
  }
  return filters
}

/**
 * Whether a container passes `label`, `status`, `name` and `id` filters (values of one name are ORed).
 *
 * @example
 *   declare const running: ContainerRecord
 *   matchesContainer(parseFilters('{"label":["lb.enable"]}'), running) // true if it has the label
 *   matchesContainer(parseFilters('{"status":["exited"]}'), running) // false
 */
export function matchesContainer(filters: Filters, container: ContainerRecord): boolean {
  return (
    matchesLabels(filters.get('label'), container.labels) &&
    matchesAny(filters.get('status'), (status) => status === container.state) &&
    matchesAny(filters.get('name'), (name) => container.name.includes(name.replace(/^\//, ''))) &&
    matchesAny(filters.get('id'), (id) => container.id.startsWith(id))
  )
}

/**
 * Whether an event passes `type`, `event`, `container` and `label` filters.
 * `event=health_status` matches every `health_status: …` action, as in Docker.
 *
 * @example
 *   declare const dieEvent: DockerEvent
 *   matchesEvent(parseFilters('{"event":["die"]}'), dieEvent) // true
 *   matchesEvent(parseFilters('{"type":["network"]}'), dieEvent) // false
 */
export function matchesEvent(filters: Filters, event: DockerEvent): boolean {
  const baseAction = event.Action.split(':')[0] ?? event.Action
  return (
    matchesAny(filters.get('type'), (type) => type === event.Type) &&
    matchesAny(filters.get('event'), (action) => action === event.Action || action === baseAction) &&
    matchesAny(
      filters.get('container'),
      (ref) => event.Actor.ID.startsWith(ref) || event.Actor.Attributes.name === ref,
    ) &&
    matchesLabels(filters.get('label'), event.Actor.Attributes)
  )
}

function matchesAny(values: readonly string[] | undefined, test: (value: string) => boolean): boolean {
  return values === undefined || values.length === 0 || values.some(test)
}

// Docker ANDs label filters: every `key` or `key=value` must hold.
function matchesLabels(wanted: readonly string[] | undefined, labels: Readonly<Record<string, string>>): boolean {
  return (wanted ?? []).every((label) => {
    const at = label.indexOf('=')
    if (at < 0) return Object.hasOwn(labels, label)
    return labels[label.slice(0, at)] === label.slice(at + 1)
  })
}
