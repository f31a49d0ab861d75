import { describe, expect, it } from 'vitest'
import { engineCommand, engineCommandEnvName, engineProcessSpec, repoRoot } from './engine-command.ts'

describe('engineCommand', () => {
  it("runs the repository's engine under tsx by default", () => {
    expect(engineCommand({})).toEqual([
      process.execPath,
      '--import',
      'tsx',
      `${repoRoot}examples/settlement-engine/main.ts`,
    ])
  })

  it('runs what SETTLEMENT_ENGINE_COMMAND says, with the port and data directory added', () => {
    const spec = engineProcessSpec({
      name: 'engine',
      port: 4100,
      dataDir: '/tmp/d',
      env: { [engineCommandEnvName]: '["/opt/engine", "--no-fsync"]' },
    })
    expect([spec.command, spec.args, spec.cwd]).toEqual([
      '/opt/engine',
      ['--no-fsync', '--port', '4100', '--data-dir', '/tmp/d'],
      repoRoot,
    ])
  })

  it.each([
    ['/opt/engine', `it is not JSON (Unexpected token '/', "/opt/engine" is not valid JSON)`],
    ['[]', 'it is not a list of non-empty strings'],
    ['["/opt/engine", 4100]', 'it is not a list of non-empty strings'],
  ])('says what is wrong with SETTLEMENT_ENGINE_COMMAND=%s', (value, why) => {
    expect(() => engineCommand({ [engineCommandEnvName]: value })).toThrow(
      `SETTLEMENT_ENGINE_COMMAND is ${JSON.stringify(value)}, but ${why}. Give the engine's program and first ` +
        `arguments as a JSON array, ` +
        `e.g. SETTLEMENT_ENGINE_COMMAND='["/opt/settlement/bin/engine"]' (--port and --data-dir are added), or ` +
        `unset it to run examples/settlement-engine.`,
    )
  })
})
