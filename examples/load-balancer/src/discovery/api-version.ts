// Which Engine API version to speak, negotiated as the docker CLI does: the
// daemon's newest (`/_ping`'s API-Version header, else `/version`'s
// ApiVersion), capped at ours. Unversioned paths would also work, but they
// mean "the daemon's newest", whose shapes may change under us.
import { request } from 'node:http'
import { requestOptionsFor, type DockerHost } from './docker-host.ts'

/** The newest Engine API version discovery speaks (Docker 24). */
export const MAX_API_VERSION = '1.43'
/** The oldest: Docker 1.12, the first with health checks in `Status` and `health_status` events. */
export const MIN_API_VERSION = '1.24'

/**
 * The version to speak with a daemon whose newest is `daemonVersion`, or undefined when it is older than ours.
 *
 * @example
 *   chooseApiVersion('1.41') // → '1.41' (Docker 20.10)
 *   chooseApiVersion('1.45') // → '1.43'
 *   chooseApiVersion('1.23') // → undefined
 */
export function chooseApiVersion(daemonVersion: string): string | undefined {
  if (compare(daemonVersion, MIN_API_VERSION) < 0) return undefined
  return compare(daemonVersion, MAX_API_VERSION) < 0 ? daemonVersion : MAX_API_VERSION
}

/**
 * Asks the daemon its API version and picks ours; rejects, saying what to do, when it names none or is too old.
 *
 * @example
 *   import { parseDockerHost } from './docker-host.ts'
 *   const version = await negotiateApiVersion(parseDockerHost('unix:///var/run/docker.sock'))
 *   // → '1.41' against Docker 20.10
 */
export async function negotiateApiVersion(dockerHost: DockerHost, signal?: AbortSignal): Promise<string> {
  let daemonVersion = headerText((await get(dockerHost, '/_ping', signal)).headers['api-version'])
  if (!isVersion(daemonVersion)) {
    const { status, body } = await get(dockerHost, '/version', signal)
    daemonVersion = status === 200 ? apiVersionIn(body) : ''
  }
  if (!isVersion(daemonVersion)) {
    throw new Error(
      `Docker daemon at ${dockerHost.url} named no API version (neither /_ping's API-Version header nor ` +
        `/version's ApiVersion); is it a Docker daemon?`,
    )
  }
  const chosen = chooseApiVersion(daemonVersion)
  if (chosen !== undefined) return chosen
  throw new Error(
    `Docker daemon at ${dockerHost.url} speaks Engine API ${daemonVersion} at most; the load balancer needs ` +
      `${MIN_API_VERSION} to ${MAX_API_VERSION} (Docker 1.12 or later); upgrade the daemon`,
  )
}

function compare(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number)
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number)
  return aMajor - bMajor || aMinor - bMinor
}

function isVersion(text: string): boolean {
  return /^\d+\.\d+$/.test(text)
}

function headerText(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? ''
}

function apiVersionIn(body: string): string {
  try {
    const parsed = JSON.parse(body) as { ApiVersion?: unknown }
    return typeof parsed.ApiVersion === 'string' ? parsed.ApiVersion : ''
  } catch {
    return ''
  }
}

function get(
  dockerHost: DockerHost,
  path: string,
  signal: AbortSignal | undefined,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ ...requestOptionsFor(dockerHost), path, method: 'GET', agent: false, signal }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', reject)
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      )
    })
    req.on('error', (error) =>
      reject(
        new Error(`Docker daemon at ${dockerHost.url} unreachable for GET ${path}: ${error.message}`, { cause: error }),
      ),
    )
    req.end()
  })
}
