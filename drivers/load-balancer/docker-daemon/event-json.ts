import type { ContainerRecord } from './container-state.ts'

/**
 * A `GET /events` message in Docker's shape, legacy top-level `status`/`id`/`from` included.
 *
 * @example
 *   declare const container: ContainerRecord
 *   const event: DockerEvent = toContainerEvent(container, 'start', {}, Date.now())
 *   event.Actor.Attributes.name // 'web-1'
 */
export interface DockerEvent {
  status: string
  id: string
  from: string
  Type: 'container'
  Action: string
  Actor: { ID: string; Attributes: Record<string, string> }
  scope: 'local'
  time: number
  timeNano: number
}

/**
 * Builds a container event. Attributes are the container's labels, then `image`
 * and `name`, then the action's own (`exitCode`, `signal`), as Docker merges them.
 *
 * @example
 *   declare const container: ContainerRecord
 *   toContainerEvent(container, 'die', { exitCode: '137' }, Date.now()).status // 'die'
 *   toContainerEvent(container, 'health_status: healthy', {}, Date.now()).Action // 'health_status: healthy'
 */
export function toContainerEvent(
  container: ContainerRecord,
  action: string,
  extra: Readonly<Record<string, string>>,
  nowMs: number,
): DockerEvent {
  const timeNano = nowMs * 1_000_000
  return {
    status: action,
    id: container.id,
    from: container.image,
    Type: 'container',
    Action: action,
    Actor: {
      ID: container.id,
      Attributes: { ...container.labels, image: container.image, name: container.name, ...extra },
    },
    scope: 'local',
    time: Math.floor(nowMs / 1000),
    timeNano,
  }
}
