/** The newest Engine API version the drivers' client speaks (Docker 24). */
export const CLIENT_MAX_API_VERSION = '1.43'
/** The oldest it speaks: Docker 1.12, the first with health checks (`Healthcheck`, `health_status` events). */
export const CLIENT_MIN_API_VERSION = '1.24'

/**
 * Compares two Engine API versions (`1.41` < `1.43` < `1.100`): negative, zero or positive.
 *
 * @example
 *   compareApiVersions('1.41', '1.43') // → -2
 *   compareApiVersions('1.100', '1.43') > 0 // → true
 */
export function compareApiVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number)
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number)
  return aMajor - bMajor || aMinor - bMinor
}

/** True for `MAJOR.MINOR`, the form `/_ping`'s `API-Version` and `/version`'s `ApiVersion` take. */
export function isApiVersion(text: string): boolean {
  return /^\d+\.\d+$/.test(text)
}

/**
 * The version to speak with a daemon whose newest is `daemonVersion`: the older of it and the client's newest,
 * or undefined when the daemon is older than the client's oldest.
 *
 * @example
 *   negotiateApiVersion('1.41') // → '1.41' (Docker 20.10)
 *   negotiateApiVersion('1.45') // → '1.43'
 *   negotiateApiVersion('1.23') // → undefined
 */
export function negotiateApiVersion(daemonVersion: string): string | undefined {
  if (compareApiVersions(daemonVersion, CLIENT_MIN_API_VERSION) < 0) return undefined
  return compareApiVersions(daemonVersion, CLIENT_MAX_API_VERSION) < 0 ? daemonVersion : CLIENT_MAX_API_VERSION
}
