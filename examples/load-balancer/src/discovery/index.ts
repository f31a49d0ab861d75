// The discovery module's public entry: what the proxy, the admin status and
// main.ts use. Everything else in this folder is internal.
export { startDiscovery } from './discovery.ts'
export type { Discovery, DiscoveryOptions, DiscoveryStatus } from './discovery.ts'
export { BackendRegistry } from './backend-registry.ts'
export type { RegistrySnapshot } from './backend-registry.ts'
export { isAvailable } from './replica.ts'
export type { BackendAddress, Replica } from './replica.ts'
export type { IgnoredContainer } from './ignored-container.ts'
export { DEFAULT_DOCKER_HOST, parseDockerHost, resolveDockerHost } from './docker-host.ts'
export type { DockerHost } from './docker-host.ts'
export type { Clock } from './clock.ts'
export type { BackoffPolicy } from './backoff.ts'
