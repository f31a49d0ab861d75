import { nearest } from '../../drivers/core/nearest.ts'
import { isPlainObject, join, positiveInteger, string, strings, type Check, type Problems } from './config-problems.ts'
import type { SystemConfig } from './config.ts'
import { findCycle } from '../systems/system-order.ts'
import { namedGroups, placeholdersIn, systemAddressed } from '../systems/system-templates.ts'

const addressExample = '/listening on (http:\\/\\/\\S+)/'

/**
 * Checks `systems`: each system's keys, its `after` and its placeholders, and
 * that no `after` links make a cycle.
 *
 * @example
 *   const shape = { systems: checkSystems }
 *   // systems.lb.args[2] uses {address:docker}, but "docker" is not in systems.lb.after;
 *   //   add "docker" to systems.lb.after
 */
export const checkSystems: Check = (value, path, problems) => {
  if (!isPlainObject(value)) return problems.wrong(path, value, 'an object keyed by name')
  const names = Object.keys(value)
  problems.record(value, path, (entry, entryPath, name) => checkSystem(entry, entryPath, name, names, problems))
  const links = Object.fromEntries(Object.entries(value).map(([name, system]) => [name, { after: afterOf(system) }]))
  const cycle = findCycle(links)
  if (cycle)
    problems.add(
      join(path, `${cycle[0]!}.after`),
      `makes a cycle: ${cycle.join(' → ')}; each would wait for the other to be ready, so remove one of these links`,
    )
}

function checkSystem(value: unknown, path: string, name: string, names: readonly string[], problems: Problems): void {
  if (!problems.object(value, path, systemShape(name, names, problems), ['command', 'ready'])) return
  const system = value as Partial<SystemConfig>
  checkAddressCaptured(system, path, problems)
  const context: SystemContext = { path, name, names, after: afterOf(value), problems }
  checkAddressPlaceholders(system, context)
  checkEnvPlaceholders(system, context)
}

// A system being checked: its path and name, the names of all systems, the systems in its `after`.
interface SystemContext {
  path: string
  name: string
  names: readonly string[]
  after: string[]
  problems: Problems
}

function systemShape(name: string, names: readonly string[], problems: Problems): Record<keyof SystemConfig, Check> {
  return {
    command: string,
    args: strings(`['--port', '0']`, { empty: true }),
    cwd: string,
    processEnv: (env, envPath) =>
      problems.record(env, envPath, (entry, entryPath) => {
        if (typeof entry !== 'string') problems.wrong(entryPath, entry, 'a string')
      }),
    after: (after, afterPath) => checkAfter(after, afterPath, name, names, problems),
    ready,
    readyTimeoutMs: positiveInteger('30000'),
    stopTimeoutMs: positiveInteger('5000'),
    env: (env, envPath) =>
      problems.record(env, envPath, (template, variablePath, variable) => {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) {
          problems.add(variablePath, 'is not a valid environment variable name; use letters, digits and _')
        }
        if (typeof template !== 'string') problems.wrong(variablePath, template, 'a string, e.g. "{address}"')
      }),
  }
}

// {address} is what the first ready.log pattern captures, so that pattern must capture something.
function checkAddressCaptured(system: Partial<SystemConfig>, path: string, problems: Problems): void {
  const first = logPatterns(system.ready?.log)[0]
  const templates = [...Object.values(system.env ?? {}), system.ready?.url]
  const usesAddress = templates.some((template) => typeof template === 'string' && template.includes('{address}'))
  if (!usesAddress || (first && captureGroups(first) > 0)) return
  const why = first ? `ready.log (${String(first)}) has no capture group` : 'there is no ready.log'
  problems.add(path, `uses {address}, but ${why}; capture the address, e.g. ${addressExample}`)
}

// The {address:NAME} placeholders of its arguments and processEnv.
function checkAddressPlaceholders(system: Partial<SystemConfig>, context: SystemContext): void {
  const { path } = context
  const texts = [
    ...(Array.isArray(system.args) ? system.args.map((arg, i) => [`${path}.args[${i}]`, arg] as const) : []),
    ...entriesOf(system.processEnv).map(([key, text]) => [join(path, `processEnv.${key}`), text] as const),
  ]
  for (const [textPath, text] of texts) {
    if (typeof text !== 'string') continue
    for (const placeholder of placeholdersIn(text)) checkAddressOf(placeholder, textPath, context)
  }
}

// The placeholders of its env templates: {address}, {address:NAME} or a named group of ready.log.
function checkEnvPlaceholders(system: Partial<SystemConfig>, context: SystemContext): void {
  const patterns = logPatterns(system.ready?.log)
  const groups = [...new Set(patterns.flatMap(namedGroups))]
  for (const [variable, template] of entriesOf(system.env)) {
    if (typeof template !== 'string') continue
    const variablePath = join(context.path, `env.${variable}`)
    for (const placeholder of placeholdersIn(template)) {
      if (placeholder === 'address' || checkAddressOf(placeholder, variablePath, context)) continue
      if (groups.includes(placeholder)) continue
      context.problems.add(variablePath, unknownPlaceholder(placeholder, patterns.length > 0, groups))
    }
  }
}

function unknownPlaceholder(placeholder: string, hasLog: boolean, groups: readonly string[]): string {
  const listed = groups.length === 0 ? 'it has none' : `its groups: ${groups.join(', ')}`
  const has = hasLog ? listed : 'there is no ready.log'
  const suggestion = nearest(placeholder, ['address', ...groups])
  return (
    `uses {${placeholder}}, which is neither {address}, {address:SYSTEM} nor a named group of ready.log (${has})` +
    (suggestion ? ` — did you mean {${suggestion}}?` : '')
  )
}

// Whether `placeholder` is an {address:NAME}; if so, adds what is wrong with NAME.
function checkAddressOf(placeholder: string, path: string, system: SystemContext): boolean {
  const target = systemAddressed(placeholder)
  if (target === undefined) return false
  const uses = `uses {${placeholder}}, but`
  if (target === system.name) {
    system.problems.add(
      path,
      `${uses} that is ${system.name}'s own address; in its env use {address}, elsewhere it is not known yet`,
    )
  } else if (!system.names.includes(target)) {
    const suggestion = nearest(target, system.names)
    system.problems.add(
      path,
      `${uses} there is no system "${target}"${suggestion ? ` — did you mean "${suggestion}"?` : ''} Systems: ` +
        `${system.names.join(', ')}`,
    )
  } else if (!system.after.includes(target)) {
    system.problems.add(
      path,
      `${uses} "${target}" is not in ${system.path}.after; add "${target}" to ${system.path}.after`,
    )
  }
  return true
}

function checkAfter(value: unknown, path: string, name: string, names: readonly string[], problems: Problems): void {
  const others = names.filter((other) => other !== name)
  if (!Array.isArray(value))
    return problems.wrong(path, value, `a list of the systems to start first, e.g. ['${others[0] ?? 'database'}']`)
  value.forEach((before, i) => {
    if (before === name)
      return problems.add(`${path}[${i}]`, `is "${name}" itself; a system cannot start after itself, so remove it`)
    if (typeof before === 'string' && names.includes(before)) return
    const suggestion = typeof before === 'string' ? nearest(before, others) : undefined
    problems.wrong(
      `${path}[${i}]`,
      before,
      `one of the systems: ` +
        `${others.join(', ') || '(none declared)'}${suggestion ? ` — did you mean "${suggestion}"?` : ''}`,
    )
  })
}

const ready: Check = (value, path, problems) => {
  const shape = {
    log: (log, logPath) => {
      const ok =
        log instanceof RegExp ||
        (Array.isArray(log) && log.length > 0 && log.every((pattern) => pattern instanceof RegExp))
      if (!ok)
        problems.wrong(
          logPath,
          log,
          `a regular expression whose first capture group is the address, e.g. ${addressExample}, or a ` +
            `non-empty list of them`,
        )
    },
    url: string,
  } satisfies Record<keyof SystemConfig['ready'], Check>
  if (problems.object(value, path, shape, []) && value.log === undefined && value.url === undefined) {
    problems.add(path, 'has neither log nor url; give a log line to wait for and/or a URL to poll')
  }
}

function logPatterns(log: unknown): RegExp[] {
  return [log].flat().filter((pattern): pattern is RegExp => pattern instanceof RegExp)
}

function afterOf(system: unknown): string[] {
  const after = isPlainObject(system) ? system.after : undefined
  return Array.isArray(after) ? after.filter((name): name is string => typeof name === 'string') : []
}

function entriesOf(record: unknown): [string, unknown][] {
  return isPlainObject(record) ? Object.entries(record) : []
}

function captureGroups(pattern: RegExp): number {
  // An empty alternative makes any pattern match '', so exec() reports every group.
  return (new RegExp(`${pattern.source}|`).exec('')?.length ?? 1) - 1
}
