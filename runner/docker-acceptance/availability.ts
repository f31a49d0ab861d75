/**
 * What `acceptance:docker` needs to know of the host before it starts a daemon.
 *
 * @example
 *   const probe: HostProbe = {
 *     platform: 'linux',
 *     uid: 0,
 *     has: (command) => command !== 'dockerd',
 *     bridgeExists: false,
 *     dockerChains: [],
 *   }
 */
export interface HostProbe {
  platform: NodeJS.Platform
  /** The effective user id; undefined where there is none (Windows). */
  uid: number | undefined
  /** Whether a command is on the PATH. */
  has(command: string): boolean
  /** Whether the `docker0` bridge exists already. */
  bridgeExists: boolean
  /** `DOCKER*` chains that exist already, as `table/chain`. */
  dockerChains: string[]
}

/**
 * What to install before the daemon can start: Debian's packages for what is missing.
 *
 * @example
 *   packagesToInstall((command) => command === 'busybox') // ['docker.io']
 */
export function packagesToInstall(has: (command: string) => boolean): string[] {
  const packages: string[] = []
  if (!has('dockerd') || !has('containerd') || !has('runc')) packages.push('docker.io')
  if (!has('busybox')) packages.push('busybox-static')
  if (!has('iptables')) packages.push('iptables')
  return packages
}

/**
 * Why no Docker daemon of the run's own can be had on this host, or undefined if one can.
 *
 * @example
 *   whyNoDaemon({ platform: 'linux', uid: 1000, has: () => true, bridgeExists: false, dockerChains: [] })
 *   // → 'starting a Docker daemon needs root, and this runs as uid 1000; run it as root (CI does)'
 */
export function whyNoDaemon(probe: HostProbe): string | undefined {
  if (probe.platform !== 'linux') return `the Docker daemon runs on Linux, and this is ${probe.platform}`
  if (probe.uid !== 0) {
    return (
      `starting a Docker daemon needs root, and this runs as uid ${probe.uid ?? 'unknown'}; ` +
      'run it as root (CI does)'
    )
  }
  const missing = packagesToInstall(probe.has)
  if (missing.length > 0 && !probe.has('apt-get')) {
    const [verb, them] = missing.length === 1 ? ['is', 'it'] : ['are', 'them']
    return `${missing.join(' and ')} ${verb} not installed and there is no apt-get to install ${them}`
  }
  if (probe.bridgeExists || probe.dockerChains.length > 0) {
    const found = [
      ...(probe.bridgeExists ? ['the docker0 bridge'] : []),
      ...probe.dockerChains.map((c) => `iptables ${c}`),
    ]
    return (
      `another Docker daemon owns this host's Docker network (${found.join(', ')} exist already), or an earlier run ` +
      'was killed before it cleaned up; stop that daemon, or remove them (ip link delete docker0; ' +
      'iptables -t nat -F DOCKER; iptables -t nat -X DOCKER; …), then run it again'
    )
  }
  return undefined
}

/**
 * Whether this run is CI's: there, no daemon is a failure; elsewhere it is said and skipped.
 *
 * @example
 *   isCi({ CI: 'true' }) // true
 *   isCi({ CI: 'false' }) // false
 */
export function isCi(env: NodeJS.ProcessEnv): boolean {
  const value = env['CI']?.trim().toLowerCase()
  return value !== undefined && value !== '' && value !== 'false' && value !== '0'
}
