/**
 * The Docker Engine API emulator: a daemon a load balancer can discover backends from, driven by tests and specs.
 *
 * @example
 *   import { createDockerDaemon } from '../drivers/load-balancer/docker-daemon/index.ts'
 *   const daemon = await createDockerDaemon({ tcp: true }); await daemon.runContainer({ name: 'web-1', publish: true })
 */
export { createDockerDaemon } from './docker-daemon.ts'
export type { DockerDaemon, DockerDaemonOptions } from './docker-daemon.ts'
export type { RunContainerOptions } from './container-runtime.ts'
export type { BackendCommand } from './backend-process.ts'
export { DEFAULT_BACKEND } from './backend-process.ts'
export type { ContainerRecord, ContainerStateName, HealthStatus } from './container-state.ts'
export type { ContainerSummary, PortJson, EndpointJson } from './container-json.ts'
export type { DockerEvent } from './event-json.ts'
export type { EventQuirks } from './event-stream.ts'
export { API_VERSION, ENGINE_VERSION } from './daemon-routes.ts'
export { getFromDaemon, openEventStream } from './test-client.ts'
export type { DaemonTarget, EventStream } from './test-client.ts'
