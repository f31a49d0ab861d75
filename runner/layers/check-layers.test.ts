import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkLayers } from './check-layers.ts'

const repoRoot = resolve(import.meta.dirname, '../..')

describe('checkLayers', () => {
  let root: string
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'parlance-layers-'))
  })
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  it('finds no violation in this repository', () => {
    expect(checkLayers(repoRoot).map((v) => v.message)).toEqual([])
  })

  it('reports each forbidden direction with file, line and the allowed layers', () => {
    write(
      'specs/bets/steps.ts',
      "import { a } from '../../dsl/bets/betting.ts'\nimport { api } from '../../drivers/bets/api.ts'\n",
    )
    write('specs/bets/more.ts', "import '../../examples/engine/src/server.ts'\n")
    write('dsl/bets/betting.ts', "import type { Engine } from '../../examples/engine/src/engine.ts'\n")
    write(
      'drivers/bets/api.ts',
      "export { placeBet } from '../../dsl/bets/betting.ts'\nconst x = await import('../../specs/bets/steps.ts')\n",
    )
    write('examples/engine/src/server.ts', "import { http } from '../../../drivers/core/http-client.ts'\n")
    write('examples/engine/test/server.test.ts', "import { http } from '../../../drivers/core/http-client.ts'\n")
    write('drivers/core/http-client.ts', "import { request } from 'node:http'\nimport { x } from './errors.ts'\n")

    expect(
      checkLayers(root)
        .map((v) => v.message)
        .sort(),
    ).toEqual([
      'drivers/bets/api.ts:1 imports dsl/bets/betting.ts — drivers may import only drivers',
      'drivers/bets/api.ts:2 imports specs/bets/steps.ts — drivers may import only drivers',
      'dsl/bets/betting.ts:1 imports examples/engine/src/engine.ts — dsl may import only dsl, drivers',
      'examples/engine/src/server.ts:1 imports drivers/core/http-client.ts — examples may import only examples',
      'specs/bets/more.ts:1 imports examples/engine/src/server.ts — specs may import only specs, dsl',
      'specs/bets/steps.ts:2 imports drivers/bets/api.ts — specs may import only specs, dsl',
    ])
  })
})
