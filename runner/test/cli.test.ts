import { afterEach, describe, expect, test } from 'vitest'
import type { OptionSpec } from '../command/options.ts'
import { runOptionSpecs } from '../run/run-command.ts'
import { initOptionSpecs } from '../scaffold/init-command.ts'
import { newOptionSpecs } from '../scaffold/new-command.ts'
import { fixture, ParlanceCli } from './run-cli.ts'

let cli: ParlanceCli
afterEach(() => cli.cleanup())

describe('parlance, the command line', { timeout: 60_000 }, () => {
  test('--help lists the commands and exits 0', async () => {
    cli = new ParlanceCli(fixture('shop'))
    const { code, stdout } = await cli.run(['--help'])
    expect(code).toBe(0)
    expect(stdout).toContain('Usage: parlance <command> [options]')
    expect(stdout).toMatch(/^ {2}run {7}start the systems, run the specs on every channel, report$/m)
    expect(stdout).toMatch(/^ {2}init {6}make a new project in an empty folder: a stub system and one domain, green$/m)
    expect(stdout).toMatch(/^ {2}new {7}add a domain: a feature, its step glue, DSL, unit test and drivers$/m)
  })

  test('run --help documents every option with its default', async () => {
    cli = new ParlanceCli(fixture('shop'))
    const { code, stdout } = await cli.run(['run', '--help'])
    expect(code).toBe(0)
    for (const [name, spec] of Object.entries(runOptionSpecs)) {
      expect(stdout).toContain(`--${name}`)
      if ('defaultText' in spec) expect(stdout).toContain(`(default: ${spec.defaultText})`)
    }
    expect(stdout).toContain('Exit codes: 0 all passed')
  })

  test.each([
    ['init', 'Usage: parlance init [DIR] [options]', initOptionSpecs],
    ['new', 'Usage: parlance new domain NAME [options]', newOptionSpecs],
  ])('%s --help documents every option with its default', async (command, usage, specs) => {
    cli = new ParlanceCli(fixture('shop'))
    const { code, stdout } = await cli.run([command, '--help'])
    expect(code).toBe(0)
    expect(stdout.startsWith(`${usage}\n`)).toBe(true)
    for (const [name, spec] of Object.entries(specs as Record<string, OptionSpec>)) {
      expect(stdout).toContain(`--${name}`)
      if (spec.defaultText) expect(stdout).toContain(`(default: ${spec.defaultText})`)
    }
    expect(stdout).toContain('Exit codes: 0 ')
  })

  test('no command prints the help on stderr and exits 2', async () => {
    cli = new ParlanceCli(fixture('shop'))
    const { code, stderr } = await cli.run([])
    expect(code).toBe(2)
    expect(stderr).toContain('Usage: parlance <command> [options]')
  })

  test.each([
    [
      ['rnu'],
      'parlance: unknown command "rnu" — did you mean "run"? Commands: run, gate, merge, lint, init, new. Run ' +
        'parlance --help for more.',
    ],
    [
      ['run', '--chanels', 'api'],
      'parlance run: unknown option --chanels — did you mean --channels? Run parlance run --help for the options.',
    ],
    [['run', '--env', 'remot'], 'parlance run: --env is "remot"; expected local or remote — did you mean remote?'],
    [['run', '--parallel', 'two'], 'parlance run: --parallel is "two"; expected a whole number ≥ 1, e.g. --parallel 4'],
    [
      ['run', 'features/checkout.feature'],
      'parlance run: unexpected argument "features/checkout.feature"; parlance run takes only options. Run ' +
        'parlance run --help for the options.',
    ],
    [
      ['run', '--tags', '@smoke and ('],
      'parlance run: --tags: Tag expression "@smoke and (" could not be parsed because of syntax error: ' +
        'Unmatched (. Example: --tags "@smoke and not @wip"',
    ],
    [
      ['run', '--channels', 'apii'],
      'parlance run: --channels: "apii" is not a channel of any domain — did you mean "api"? Channels: api, ui',
    ],
  ])('parlance %j is a usage error: exit 2 and says what to do', async (args, message) => {
    cli = new ParlanceCli(fixture('shop'))
    const { code, stderr } = await cli.run(args)
    expect(stderr.trim()).toBe(message)
    expect(code).toBe(2)
    expect(cli.systemPids()).toEqual([])
  })
})
