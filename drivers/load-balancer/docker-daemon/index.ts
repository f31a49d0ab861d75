/**
 * The Docker Engine API emulator: a daemon a load balancer can discover backends from, driven by tests and specs,
 * in-process (createDockerDaemon) or as its own program (main.ts) over the Engine API plus `/_emulator/` endpoints
 * (DockerEngineClient). Engine API v1.43: /_ping, /version, /containers/json, /events, /containers/create,
 * /containers/{id}/{start,stop,kill,pause,unpause,json}, DELETE /containers/{id}.
 *
 * @example
 *   const daemon = await createDockerDaemon({ tcp: true }); await daemon.runContainer({ name: 'web-1', publish: true })
 */
export { createDockerDaemon, START_TO_LISTEN_MS } from './docker-daemon.ts'
export type { DockerDaemon, DockerDaemonOptions } from './docker-daemon.ts'
export type { RunContainerOptions } from './container-runtime.ts'
export type { BackendCommand } from './backend-process.ts'
export { DEFAULT_BACKEND } from './backend-process.ts'
export type { ContainerRecord, ContainerStateName, HealthStatus } from './container-state.ts'
export type { ContainerSummary, PortJson, EndpointJson } from './container-json.ts'
export type { DockerEvent } from './event-json.ts'
export type { EventQuirks } from './event-stream.ts'
export { API_VERSION, ENGINE_VERSION } from './daemon-routes.ts'
export { getFromDaemon, openEventStream, requestDaemon } from './test-client.ts'
export type { DaemonAnswer, DaemonTarget, EventStream } from './test-client.ts'
export { DockerEngineClient } from './engine-client.ts'
export type { CreateContainerBody, EngineTarget } from './engine-client.ts'
export { DockerEngineError } from './docker-engine-error.ts'
export type { ContainerInspect } from './container-inspect-json.ts'
export type { HealthcheckConfig } from './container-state.ts'
