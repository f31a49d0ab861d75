import { createHash } from 'node:crypto'
import type { ContainerRecord } from './container-state.ts'
import { describeStatus } from './container-state.ts'

/**
 * One entry of `GET /containers/json`, in Docker Engine API v1.43's shape.
 *
 * @example
 *   declare const container: ContainerRecord
 *   const entry: ContainerSummary = toContainerSummary(container, Date.now())
 *   entry.Names // ['/web-1']
 */
export interface ContainerSummary {
  Id: string
  Names: string[]
  Image: string
  ImageID: string
  Command: string
  Created: number
  Ports: PortJson[]
  Labels: Record<string, string>
  State: string
  Status: string
  HostConfig: { NetworkMode: string }
  NetworkSettings: { Networks: Record<string, EndpointJson> }
  Mounts: unknown[]
}

/**
 * A port entry: `IP` and `PublicPort` only when published.
 *
 * @example
 *   const published: PortJson = { IP: '0.0.0.0', PrivatePort: 8080, PublicPort: 49153, Type: 'tcp' }
 *   const exposed: PortJson = { PrivatePort: 8080, Type: 'tcp' }
 */
export interface PortJson {
  IP?: string
  PrivatePort: number
  PublicPort?: number
  Type: string
}

/**
 * A container's endpoint on the bridge network.
 *
 * @example
 *   declare const summary: ContainerSummary
 *   summary.NetworkSettings.Networks.bridge?.IPAddress // e.g. '127.93.4.211' when not published
 *   summary.NetworkSettings.Networks.bridge?.Gateway // '172.17.0.1'
 */
export interface EndpointJson {
  IPAMConfig: null
  Links: null
  Aliases: null
  MacAddress: string
  NetworkID: string
  EndpointID: string
  Gateway: string
  IPAddress: string
  IPPrefixLen: number
  IPv6Gateway: string
  GlobalIPv6Address: string
  GlobalIPv6PrefixLen: number
  DriverOpts: null
  DNSNames: null
}

/** The id of the emulator's one bridge network. */
export const BRIDGE_NETWORK_ID = hex64('bridge')

/**
 * Renders a container as `GET /containers/json` lists it. A published container
 * reports its port's proxy as PublicPort; an unpublished one its exposed port
 * as PrivatePort at its own loopback address (127.x.y.z), where its
 * app listens, so a load balancer reaches the backend either way.
 *
 * @example
 *   declare const container: ContainerRecord, stopped: ContainerRecord
 *   toContainerSummary(container, Date.now()).Ports
 *   // → [{ IP: container.publishIp, PrivatePort: 8080, PublicPort: 41234, Type: 'tcp' }]
 *   toContainerSummary(stopped, Date.now()).State // 'exited'
 */
export function toContainerSummary(container: ContainerRecord, nowMs: number): ContainerSummary {
  const up = container.state === 'running' || container.state === 'paused'
  const ports: PortJson[] = container.publish
    ? up
      ? [{ IP: container.publishIp, PrivatePort: container.exposedPort, PublicPort: container.hostPort, Type: 'tcp' }]
      : [{ PrivatePort: container.exposedPort, Type: 'tcp' }]
    : [{ PrivatePort: container.exposedPort, Type: 'tcp' }]
  return {
    Id: container.id,
    Names: [`/${container.name}`],
    Image: container.image,
    ImageID: container.imageId,
    Command: container.command,
    Created: Math.floor(container.createdMs / 1000),
    Ports: ports,
    Labels: { ...container.labels },
    State: container.state,
    Status: describeStatus(container, nowMs),
    HostConfig: { NetworkMode: 'bridge' },
    NetworkSettings: { Networks: { bridge: toEndpoint(container, up) } },
    Mounts: [],
  }
}

function toEndpoint(container: ContainerRecord, up: boolean): EndpointJson {
  return {
    IPAMConfig: null,
    Links: null,
    Aliases: null,
    MacAddress: up ? macFor(container.bridgeIp) : '',
    NetworkID: BRIDGE_NETWORK_ID,
    EndpointID: up ? hex64(`endpoint:${container.id}`) : '',
    Gateway: up ? '172.17.0.1' : '',
    IPAddress: up ? (container.publish ? container.bridgeIp : container.loopbackIp) : '',
    IPPrefixLen: up ? 16 : 0,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    DriverOpts: null,
    DNSNames: null,
  }
}

function macFor(ip: string): string {
  const octets = ip.split('.').map((octet) => Number(octet).toString(16).padStart(2, '0'))
  return ['02', '42', ...octets].join(':')
}

function hex64(seed: string): string {
  return createHash('sha256').update(seed).digest('hex')
}
