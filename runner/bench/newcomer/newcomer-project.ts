import { execFileSync } from 'node:child_process'
import { cpSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const parlanceBin = fileURLToPath(new URL('../../bin/parlance.mjs', import.meta.url))
const overlay = fileURLToPath(new URL('./rooms/', import.meta.url))

/**
 * The layers a newcomer writes for a domain, by folder: the specs (feature
 * files and step glue), the DSL and the drivers. The system under test is given.
 *
 * @example
 *   newcomerLayers.map((layer) => layer.name) // ['specs', 'dsl', 'drivers']
 */
export const newcomerLayers: readonly { name: string; folder: string }[] = [
  { name: 'specs', folder: 'specs/rooms' },
  { name: 'dsl', folder: 'dsl/rooms' },
  { name: 'drivers', folder: 'drivers/rooms' },
]

/**
 * A newcomer's path, as a script: `parlance init` in an empty `dir`,
 * `npm install` (offline: Parlance is a `file:` dependency), `parlance new
 * domain rooms --channels api`, then the newcomer's own work over the scaffold
 * — a meeting-room booking service they were given (`system/rooms.mjs`), four
 * scenarios in its words, its steps, DSL and api driver (runner/bench/newcomer/rooms,
 * each file `.tmpl` so this repository's checks leave it to the project's) —
 * and the config pointed at the given system. The scaffold's unit test of the
 * stock example is removed with the example.
 *
 * @example
 *   makeNewcomerProject('/tmp/newcomer') // then: npx parlance run --domain rooms
 */
export function makeNewcomerProject(dir: string): void {
  const run = (command: string, args: string[]): string =>
    execFileSync(command, args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  run(process.execPath, [parlanceBin, 'init', '.'])
  run('npm', ['install', '--no-audit', '--no-fund', '--offline'])
  run(process.execPath, [parlanceBin, 'new', 'domain', 'rooms', '--channels', 'api'])
  for (const layer of newcomerLayers) rmSync(join(dir, layer.folder), { recursive: true })
  cpSync(overlay, dir, { recursive: true })
  for (const file of filesUnder(dir, '.tmpl')) renameSync(file, file.slice(0, -'.tmpl'.length))
  const config = join(dir, 'parlance.config.ts')
  writeFileSync(config, pointRoomsAtItsSystem(readFileSync(config, 'utf8')))
}

/**
 * The config `parlance new domain rooms` wrote (rooms against the stub), with
 * rooms against the system it was given instead.
 *
 * @example
 *   declare const written: string
 *   pointRoomsAtItsSystem(written).includes("rooms: {\n      command: process.execPath") // true
 */
export function pointRoomsAtItsSystem(config: string): string {
  const system = [
    '    rooms: {',
    '      command: process.execPath,',
    "      args: ['system/rooms.mjs', '--port', '0'],",
    '      ready: { log: /rooms listening on (http:\\/\\/\\S+)/ },',
    "      env: { ROOMS_URL: '{address}' },",
    '    },',
  ].join('\n')
  const edits: [string, string][] = [
    ["        ROOMS_URL: '{address}',\n", ''],
    ['  systems: {\n', `  systems: {\n${system}\n`],
    [
      "features: ['specs/rooms/**/*.feature'],\n      channels: ['api'],\n      systems: ['stub'],",
      "features: ['specs/rooms/**/*.feature'],\n      channels: ['api'],\n      systems: ['rooms'],",
    ],
  ]
  return edits.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`the config parlance new domain wrote has no ${JSON.stringify(from)}`)
    return text.replace(from, to)
  }, config)
}

/**
 * Non-blank lines per layer of the newcomer's domain, and in all.
 *
 * @example
 *   countNewcomerLines('/tmp/newcomer') // { specs: 41, dsl: 58, drivers: 40, total: 139 }
 */
export function countNewcomerLines(dir: string): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const layer of newcomerLayers)
    counts[layer.name] = filesUnder(join(dir, layer.folder), '').reduce(
      (sum, file) =>
        sum +
        readFileSync(file, 'utf8')
          .split('\n')
          .filter((line) => line.trim() !== '').length,
      0,
    )
  counts.total = Object.values(counts).reduce((a, b) => a + b, 0)
  return counts
}

/**
 * The files under `dir` (and its folders) whose names end with `suffix`, sorted, each as `dir` joined with its path.
 *
 * @example
 *   filesUnder('/tmp/newcomer/specs', '.feature') // ['/tmp/newcomer/specs/rooms/rooms.feature', …]
 */
export function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort((a, b) => relative(dir, a).localeCompare(relative(dir, b)))
}
