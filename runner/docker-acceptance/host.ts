import { execFile } from 'node:child_process'
import { accessSync, constants, existsSync, readdirSync, readFileSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { promisify } from 'node:util'
import type { HostProbe } from './availability.ts'
import { dockerChains } from './iptables-cleanup.ts'

const execFileAsync = promisify(execFile)

/**
 * The PATH the daemon and the host tools run with: this process's, and the
 * sbin directories where Debian puts `dockerd`, `iptables` and `ip`.
 *
 * @example
 *   hostPath('/usr/bin') // '/usr/bin:/usr/local/sbin:/usr/sbin:/sbin'
 */
export function hostPath(path = process.env['PATH'] ?? ''): string {
  const dirs = path.split(delimiter).filter((dir) => dir !== '')
  for (const dir of ['/usr/local/sbin', '/usr/sbin', '/sbin']) if (!dirs.includes(dir)) dirs.push(dir)
  return dirs.join(delimiter)
}

/**
 * Where `command` is on the host PATH, or undefined.
 *
 * @example
 *   which('dockerd') // '/usr/sbin/dockerd'
 */
export function which(command: string): string | undefined {
  for (const dir of hostPath().split(delimiter)) {
    const candidate = join(dir, command)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {}
  }
  return undefined
}

/**
 * Runs a host command to its end within `timeoutMs`; its output, or an error saying which command failed and how.
 *
 * @example
 *   await runHost('iptables', ['-t', 'nat', '-S']) // '-P PREROUTING ACCEPT\n…'
 */
export async function runHost(command: string, args: readonly string[], timeoutMs = 30_000): Promise<string> {
  try {
    const env = { ...process.env, PATH: hostPath(), DEBIAN_FRONTEND: 'noninteractive' }
    const { stdout } = await execFileAsync(command, [...args], { timeout: timeoutMs, env, maxBuffer: 64 << 20 })
    return stdout
  } catch (error) {
    const failed = error as { stderr?: string; code?: unknown; killed?: boolean; message: string }
    const why = failed.killed ? `did not finish within ${timeoutMs} ms` : failed.stderr?.trim() || failed.message
    throw new Error(`\`${[command, ...args].join(' ')}\` failed: ${why.slice(-1500)}`, { cause: error })
  }
}

/**
 * `iptables -t TABLE -S` as lines; none where iptables is missing or refuses.
 *
 * @example
 *   await listRules('nat') // ['-P PREROUTING ACCEPT', '-N DOCKER', …]
 */
export async function listRules(table: 'nat' | 'filter'): Promise<string[]> {
  if (which('iptables') === undefined) return []
  try {
    return (await runHost('iptables', ['-t', table, '-S'], 15_000)).split('\n').filter((line) => line !== '')
  } catch {
    return []
  }
}

/**
 * Looks at this host as `acceptance:docker` needs it.
 *
 * @example
 *   const probe = await probeHost()
 *   probe.has('dockerd') // true once Debian's docker.io is installed
 */
export async function probeHost(): Promise<HostProbe> {
  const chains: string[] = []
  for (const table of ['nat', 'filter'] as const) {
    for (const chain of dockerChains(await listRules(table))) chains.push(`${table}/${chain}`)
  }
  return {
    platform: process.platform,
    uid: process.getuid?.(),
    has: (command) => which(command) !== undefined,
    bridgeExists: existsSync('/sys/class/net/docker0'),
    dockerChains: chains,
  }
}

/**
 * The processes whose command line mentions `text` (the run's state directory), as `pid command`.
 *
 * @example
 *   processesMentioning('/tmp/parlance-docker-x1') // ['4242 containerd --config /tmp/parlance-docker-x1/…']
 */
export function processesMentioning(text: string): { pid: number; command: string }[] {
  const found: { pid: number; command: string }[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue
    try {
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim()
      if (command.includes(text)) found.push({ pid: Number(entry), command })
    } catch {}
  }
  return found
}

/**
 * The mount points at or under `dir`, deepest first (the order to unmount them).
 *
 * @example
 *   mountsUnder('/tmp/d', '/dev/vda / ext4 rw 0 0\noverlay /tmp/d/data/overlay2/x/merged overlay rw 0 0\n')
 *   // → ['/tmp/d/data/overlay2/x/merged']
 */
export function mountsUnder(dir: string, mounts = readFileSync('/proc/self/mounts', 'utf8')): string[] {
  return mounts
    .split('\n')
    .map((line) => line.split(' ')[1]?.replace(/\\040/g, ' '))
    .filter((point): point is string => point !== undefined && (point === dir || point.startsWith(`${dir}/`)))
    .reverse()
}
