import type { RunContainerOptions } from './container-runtime.ts'
import type { HealthcheckConfig } from './container-state.ts'
import { DaemonApiError } from './daemon-api-error.ts'

const NAME_PATTERN = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/

/**
 * Reads a `POST /containers/create` request as the container to create. Every image
 * runs the default backend. Bad input is a 400 naming the field, in Go's
 * `json: cannot unmarshal …` wording where Docker would use it.
 *
 * @example
 *   parseCreateRequest('web-1', '{"Image":"nginx","ExposedPorts":{"80/tcp":{}}}')
 *   // → { name: 'web-1', exposedPort: 80, … }
 *   parseCreateRequest('web 1', '{}') // throws DaemonApiError 400 'Invalid container name (web 1), …'
 */
export function parseCreateRequest(name: string | null, body: string): RunContainerOptions {
  const containerName = (name ?? `emulated_${Math.random().toString(16).slice(2, 10)}`).replace(/^\//, '')
  if (!NAME_PATTERN.test(containerName)) {
    throw new DaemonApiError(400, `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`)
  }
  const config = parseJsonObject(body)
  const image = field(config, 'Image', 'string', 'string')
  if (image === undefined || image === '')
    throw new DaemonApiError(400, 'invalid request: Image is required, e.g. {"Image": "parlance/backend:latest"}')
  const labels = stringMap(field(config, 'Labels', 'object', 'map[string]string'), 'Labels')
  const env = stringList(field(config, 'Env', 'array', '[]string'), 'Env')
  const exposed = Object.keys(field(config, 'ExposedPorts', 'object', 'nat.PortSet') ?? {})
  const hostConfig = field(config, 'HostConfig', 'object', 'container.HostConfig') ?? {}
  const bindings = field(hostConfig, 'PortBindings', 'object', 'nat.PortMap', 'HostConfig.') ?? {}
  const ports = [...exposed, ...Object.keys(bindings)].map((port) => containerPort(port))
  const exposedPort = ports[0] ?? 8080
  const binding = Object.entries(bindings).find(([port]) => containerPort(port) === exposedPort)?.[1]
  if (binding !== undefined && binding !== null && !Array.isArray(binding))
    throw unmarshalError(binding, 'HostConfig.PortBindings', '[]nat.PortBinding')
  const hostIp = (binding as { HostIp?: unknown }[] | undefined)?.[0]?.HostIp
  const healthcheck = parseHealthcheck(field(config, 'Healthcheck', 'object', 'container.HealthConfig'))
  const checked = healthcheck !== undefined && healthcheck.Test.length > 0 && healthcheck.Test[0] !== 'NONE'
  return {
    name: containerName,
    image,
    labels,
    env,
    exposedPort,
    publish: Array.isArray(binding) && binding.length > 0,
    publishIp: typeof hostIp === 'string' && hostIp !== '' ? hostIp : '0.0.0.0',
    health: checked ? 'starting' : 'none',
    healthcheck,
  }
}

function parseJsonObject(body: string): Record<string, unknown> {
  let parsed: unknown
  try {
    parsed = JSON.parse(body === '' ? 'null' : body)
  } catch (error) {
    throw new DaemonApiError(400, `invalid JSON: ${(error as Error).message}`)
  }
  if (parsed === null) throw new DaemonApiError(400, 'Config cannot be empty in order to create a container')
  if (typeof parsed !== 'object' || Array.isArray(parsed))
    throw unmarshalError(parsed, '', 'ContainerConfigWrapper', 'json: cannot unmarshal %s into Go value of type %t')
  return parsed as Record<string, unknown>
}

type Kind = { string: string; object: Record<string, unknown>; array: unknown[] }

function field<K extends keyof Kind>(
  from: Record<string, unknown>,
  key: string,
  kind: K,
  goType: string,
  prefix = '',
): Kind[K] | undefined {
  const value = from[key]
  if (value === undefined || value === null) return undefined
  const actual = Array.isArray(value) ? 'array' : typeof value
  if (actual !== kind) throw unmarshalError(value, `${prefix}${key}`, goType)
  return value as Kind[K]
}

function stringMap(value: Record<string, unknown> | undefined, path: string): Record<string, string> {
  for (const [key, item] of Object.entries(value ?? {}))
    if (typeof item !== 'string') throw unmarshalError(item, `${path}.${key}`, 'string')
  return { ...(value as Record<string, string> | undefined) }
}

function stringList(value: unknown[] | undefined, path: string): string[] {
  for (const item of value ?? []) if (typeof item !== 'string') throw unmarshalError(item, path, 'string')
  return [...((value ?? []) as string[])]
}

function parseHealthcheck(value: Record<string, unknown> | undefined): HealthcheckConfig | undefined {
  if (value === undefined) return undefined
  const check: HealthcheckConfig = {
    Test: stringList(field(value, 'Test', 'array', '[]string', 'Healthcheck.'), 'Healthcheck.Test'),
  }
  for (const key of ['Interval', 'Timeout', 'StartPeriod', 'StartInterval', 'Retries'] as const) {
    const item = value[key]
    if (item === undefined || item === null) continue
    if (typeof item !== 'number' || !Number.isInteger(item))
      throw unmarshalError(item, `Healthcheck.${key}`, key === 'Retries' ? 'int' : 'time.Duration')
    check[key] = item
  }
  return check
}

// Docker takes "8080/tcp", "8080/udp" or a bare "8080".
function containerPort(key: string): number {
  const match = /^(\d{1,5})(\/(tcp|udp|sctp))?$/.exec(key)
  const port = Number(match?.[1])
  if (match === null || port < 1 || port > 65535)
    throw new DaemonApiError(400, `invalid port specification: "${key}"; send e.g. "8080/tcp"`)
  return port
}

function unmarshalError(
  value: unknown,
  path: string,
  goType: string,
  template = 'json: cannot unmarshal %s into Go struct field ContainerConfigWrapper.%p of type %t',
): DaemonApiError {
  const jsonType =
    value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : typeof value
  return new DaemonApiError(400, template.replace('%s', jsonType).replace('%p', path).replace('%t', goType))
}
