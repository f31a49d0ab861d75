import { execFile } from 'node:child_process'
import { copyFile, mkdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'

const run = promisify(execFile)

/**
 * The image every replica's image is built on: the host's node and a static busybox, nothing pulled.
 *
 * @example
 *   backendDockerfile('FROM node:20-alpine\n').startsWith(`FROM ${baseImage}`) // true
 */
export const baseImage = 'parlance/base:latest'

// What health checks run (sh, wget) and what the drivers exec to steer them (touch, rm), and a few to look around.
const busyboxApplets = ['sh', 'wget', 'touch', 'rm', 'cat', 'ls', 'ps']

/**
 * The image the load-balancer drivers create their replicas from.
 *
 * @example
 *   declare const engine: import('./engine-requests.ts').EngineRequests, context: import('node:stream').Readable
 *   await engine.build(context, backendImage)
 */
export const backendImage = 'parlance/backend:latest'

/**
 * The files `ldd` says a program loads, the loader included; none for a static one.
 *
 * @example
 *   libraryPaths('\tlinux-vdso.so.1 (0x7ff)\n\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x7f0)\n' +
 *     '\t/lib64/ld-linux-x86-64.so.2 (0x7f1)\n')
 *   // → ['/lib/x86_64-linux-gnu/libc.so.6', '/lib64/ld-linux-x86-64.so.2']
 */
export function libraryPaths(lddOutput: string): string[] {
  const paths = lddOutput
    .split('\n')
    .map((line) => /(?:=>\s*)?(\/\S+)\s+\(0x[0-9a-f]+\)/.exec(line)?.[1])
    .filter((path): path is string => path !== undefined)
  return [...new Set(paths)]
}

/**
 * The backend image's Dockerfile: the one the docs give for a real Docker
 * host, built on the offline base image instead of a pulled `node` image.
 *
 * @example
 *   backendDockerfile('FROM node:20-alpine\nCOPY backend-server.mjs /app/backend-server.mjs\n')
 *   // → 'FROM parlance/base:latest\nCOPY backend-server.mjs /app/backend-server.mjs\n'
 */
export function backendDockerfile(original: string): string {
  if (!/^FROM\s+\S+/m.test(original)) {
    throw new ConfigurationError(
      'backendDockerfile: the Dockerfile has no FROM line to replace; it begins ' +
        JSON.stringify(original.slice(0, 80)),
    )
  }
  return original.replace(/^FROM\s+\S+/m, `FROM ${baseImage}`)
}

/**
 * Lays out the base image's root filesystem in `root`: `node` and the
 * libraries and loader it needs, copied from this host, and busybox as
 * `sh`, `wget`, `touch` and `rm` for health checks.
 *
 * @example
 *   await assembleRootfs('/tmp/parlance-docker-x1/rootfs', { node: process.execPath, busybox: '/bin/busybox' })
 */
export async function assembleRootfs(root: string, programs: { node: string; busybox: string }): Promise<void> {
  for (const dir of ['bin', 'usr/local/bin', 'etc', 'tmp', 'app']) await mkdir(join(root, dir), { recursive: true })
  await copyFile(programs.node, join(root, 'usr/local/bin/node'))
  await copyFile(programs.busybox, join(root, 'bin/busybox'))
  for (const applet of busyboxApplets) await symlink('busybox', join(root, 'bin', applet))
  const libraries = new Set<string>()
  for (const program of [programs.node, programs.busybox]) {
    for (const path of libraryPaths(await lddOf(program))) libraries.add(path)
  }
  for (const library of libraries) {
    await mkdir(join(root, dirname(library)), { recursive: true })
    await copyFile(library, join(root, library))
  }
  await writeFile(join(root, 'etc/passwd'), 'root:x:0:0:root:/:/bin/sh\n')
  await writeFile(join(root, 'etc/group'), 'root:x:0:\n')
}

/**
 * Writes the backend image's build context in `dir`: its Dockerfile (from
 * `dockerfile`, on the base image) and the backend program.
 *
 * @example
 *   await writeBackendContext('/tmp/ctx', { dockerfile: 'backend.Dockerfile', server: 'backend-server.mjs' })
 */
export async function writeBackendContext(dir: string, sources: { dockerfile: string; server: string }): Promise<void> {
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'Dockerfile'), backendDockerfile(await readFile(sources.dockerfile, 'utf8')))
  await copyFile(sources.server, join(dir, 'backend-server.mjs'))
}

async function lddOf(program: string): Promise<string> {
  try {
    return (await run('ldd', [program], { timeout: 10_000 })).stdout
  } catch (error) {
    // A static program: ldd says "not a dynamic executable" and exits 1.
    const output = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`
    if (/not a dynamic executable|statically linked/.test(output)) return ''
    throw error
  }
}
