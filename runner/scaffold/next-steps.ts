import type { GeneratedFile } from './domain-files.ts'
import { domainEntry } from './domain-entry.ts'
import type { ProjectFacts, ScaffoldedDomain } from './scaffold-domain.ts'

/**
 * The list of what was written: a path and what it is, one a line, the
 * paths in a column.
 *
 * @example
 *   writtenFiles([{ path: 'dsl/shop/shop-dsl.ts', text: '', what: 'the DSL' }], [['parlance.config.ts', 'the domain']])
 *   // → '  dsl/shop/shop-dsl.ts   the DSL\n  parlance.config.ts     the domain'
 */
export function writtenFiles(files: readonly GeneratedFile[], more: readonly (readonly [string, string])[]): string {
  const rows = [...files.map((file) => [file.path, file.what] as const), ...more]
  const width = Math.max(...rows.map(([path]) => path.length)) + 3
  return rows.map(([path, what]) => `  ${path.padEnd(width)}${what}`).join('\n')
}

/**
 * What to do after `parlance new domain`: run the DSL's unit test and the
 * domain's scenarios, what the config still needs, where to write next.
 *
 * @example
 *   declare const project: ProjectFacts, written: ScaffoldedDomain
 *   nextSteps(project, written)
 *   // → "Next:\n  The DSL's unit test, on an in-memory driver:\n    npx vitest run dsl/orders\n  …"
 */
export function nextSteps(project: ProjectFacts, written: ScaffoldedDomain): string {
  const { names, system, channels } = written
  const { name, urlVariable } = names
  const unitTest =
    project.unitTests === 'vitest'
      ? `npx vitest run dsl/${name}`
      : `node --import parlance/register --test dsl/${name}/${name}-dsl.test.ts`
  const lines = [
    'Next:',
    ...commands([
      [unitTest, "The DSL's unit test, on an in-memory driver"],
      [
        `npx parlance run --domain ${name}`,
        system ? `Its scenarios, against the ${system.name} system` : 'Its scenarios, once they have a system',
      ],
      [`npx parlance lint specs/${name}`, 'Check the spec says what, not how'],
    ]),
  ]
  if (!written.configEdited && !project.domains.includes(name)) {
    lines.push('', `Add the domain to ${project.configFile}, in domains:`)
    lines.push(...domainEntry(names, channels, system).map((line) => `  ${line}`))
  }
  if (!system) {
    lines.push(
      '',
      ...wrap(
        `Its drivers find the system in ${urlVariable}. Declare the system in ${project.configFile} and name it ` +
          `in the ${name} domain's systems:`,
      ),
      '  systems: {',
      `    ${names.configKey}: {`,
      '      command: process.execPath,',
      "      args: ['path/to/your-server.mjs', '--port', '0'],",
      '      ready: { log: /listening on (http:\\/\\/\\S+)/ },',
      `      env: { ${urlVariable}: '{address}' },`,
      '    },',
      '  },',
      ...wrap(`or set ${urlVariable} to the address of a running one (parlance run then starts nothing for it).`),
    )
  }
  if (channels.includes('ui') && !project.browserChannels.includes('ui'))
    lines.push(
      '',
      ...wrap(`The ui channel drives Chromium: add channels: { ui: { browser: true } } to ${project.configFile}.`),
    )
  lines.push(
    '',
    ...wrap(
      `Then rewrite the story in specs/${name}/${name}.feature in your domain's words, and its steps, DSL and ` +
        'drivers to match.',
    ),
  )
  return lines.join('\n')
}

// What each command does, then the command, on a line of its own: a command is copied whole.
function commands(rows: readonly (readonly [string, string])[]): string[] {
  return rows.flatMap(([command, what]) => [`  ${what}:`, `    ${command}`])
}

/**
 * Prose broken into lines of at most `width` columns, at spaces.
 *
 * @example
 *   wrap('Then write your next scenario in specs/shop/shop.feature', 30)
 *   // → ['Then write your next scenario', 'in specs/shop/shop.feature']
 */
export function wrap(text: string, width = 80): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  return [...lines, line]
}
