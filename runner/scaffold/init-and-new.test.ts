import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { isGroupAlive, waitUntil } from '../../drivers/core/process-group.ts'

// `parlance init` and `parlance new domain` as a person uses them: the real bin, npm and tsc, in temporary folders.
// npm installs offline: the project's one dependency is this checkout, linked.

const repo = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '')
const bin = join(repo, 'runner/bin/parlance.mjs')
const tsc = join(repo, 'node_modules/typescript/bin/tsc')
const dirs: string[] = []
const groups: number[] = []

interface Ran {
  code: number | null
  stdout: string
  stderr: string
}

// Runs a command in its own process group, so that whatever it starts can be found and stopped.
function run(command: string, args: readonly string[], cwd: string, timeoutMs = 120_000): Promise<Ran> {
  const env: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' }
  for (const name of Object.keys(env)) if (name.startsWith('npm_') || name.startsWith('PARLANCE_RUN')) delete env[name]
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  groups.push(child.pid!)
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), timeoutMs)
  return new Promise((resolve) => {
    child.once('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

const parlance = (args: readonly string[], cwd: string): Promise<Ran> => run(process.execPath, [bin, ...args], cwd)

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parlance-scaffold-'))
  dirs.push(dir)
  return dir
}

function filesIn(dir: string, skip: readonly string[] = ['node_modules', 'reports']): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .filter((path) => !skip.some((folder) => path.startsWith(`${folder}/`)))
    .sort()
}

// The processes whose working directory is `dir`: what a run there left behind (the stub, a worker, a browser).
function processesIn(dir: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid)
    .filter((entry) => {
      try {
        return readlinkSync(`/proc/${entry}/cwd`) === dir
      } catch {
        return false
      }
    })
    .map(Number)
}

afterAll(() => {
  for (const pgid of groups) if (isGroupAlive(pgid)) process.kill(-pgid, 'SIGKILL')
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

describe('parlance init, then npm install, then parlance run', { timeout: 180_000 }, () => {
  let project: string
  let init: Ran
  let install: Ran

  beforeAll(async () => {
    project = tempDir()
    init = await parlance(['init', '--channels', 'api,ui'], project)
    install = await run('npm', ['install', '--no-audit', '--no-fund', '--offline'], project)
  }, 180_000)

  test('init writes the project and one domain, and says what to do next', () => {
    expect(init.stderr).toBe('')
    expect(init.code).toBe(0)
    expect(init.stdout).toBe(
      `Made a Parlance project in ${project}:
  package.json                      Parlance (file:${repo}) and the scripts
  parlance.config.ts                the stub system and the shop domain
  cucumber.js                       for plain cucumber-js (npm run cucumber) and editors
  tsconfig.json                     for the editor and tsc
  .gitignore                        node_modules and reports
  specs/support/parlance.ts         Parlance's hooks and World, shared by every domain
  system/stub.mjs                   the stub system: items in stock and orders, in memory
  specs/shop/shop.feature           the story: a Feature, a Rule per criterion, scenarios
  specs/shop/steps/shop-steps.ts    the step glue, one DSL call per step
  dsl/shop/shop-dsl.ts              the DSL, its parameters declared
  dsl/shop/index.ts                 this.use(shop): the DSL with the channel's driver
  dsl/shop/shop-dsl.test.ts         a unit test of the DSL on an in-memory driver
  drivers/shop/shop-driver.ts       the driver interface
  drivers/shop/api-shop-driver.ts   the api driver, over HTTP at SHOP_URL
  drivers/shop/ui-shop-driver.ts    the ui driver, in Chromium
  drivers/shop/index.ts             the channels: api, ui

Next:
  npm install && npx parlance run   the shop scenarios, against the stub: Gate: GREEN
  npm run unit                      the DSL's unit test, on an in-memory driver

Then write your next scenario in specs/shop/shop.feature, in your domain's
words, and change its steps, DSL and drivers to match. Point systems.stub in
parlance.config.ts at your own system. parlance new domain NAME adds another
domain.
`,
    )
    expect(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'))).toEqual({
      name: project.split('/').at(-1)!.toLowerCase(),
      private: true,
      type: 'module',
      scripts: {
        acceptance: 'parlance run',
        unit: 'node --import parlance/register --test dsl/*/*.test.ts',
        test: 'npm run unit && npm run acceptance',
        lint: 'parlance lint',
        cucumber: 'node node_modules/parlance/runner/scaffold/cucumber-js.mjs',
      },
      dependencies: { parlance: `file:${repo}` },
    })
    expect(install.code).toBe(0)
  })

  test('the generated TypeScript type-checks', async () => {
    // The project has no @types/node of its own: Parlance's serve.
    const checked = await run(
      process.execPath,
      [tsc, '-p', '.', '--typeRoots', join(repo, 'node_modules/@types')],
      project,
    )
    expect(checked.stdout + checked.stderr).toBe('')
    expect(checked.code).toBe(0)
  })

  test("the DSL's unit test passes under node:test", async () => {
    const unit = await run('npm', ['run', 'unit'], project)
    expect(unit.stdout).toContain('# pass 4\n# fail 0\n')
    expect(unit.code).toBe(0)
  })

  test('npx parlance run passes on both channels, and the gate is green', async () => {
    const acceptance = await run('npx', ['parlance', 'run'], project)
    expect(acceptance.stdout).toContain(
      [
        'Scenario                                           api      ui',
        'Orders are filled from stock',
        '  Alice orders 2 of the 5 teapots in stock (shop)  passed   passed',
        '  Bob orders more teapots than there are (shop)    passed   passed',
      ].join('\n'),
    )
    expect(acceptance.stdout).toContain('Result    passed: 4 passed\n')
    expect(acceptance.stdout.trimEnd().split('\n').at(-1)).toBe('Gate: GREEN')
    expect(acceptance.code).toBe(0)
    expect(await waitUntil(() => processesIn(project).length === 0, 5_000)).toBe(true)
  })

  test('the feature passes parlance lint', async () => {
    const lint = await run('npx', ['parlance', 'lint'], project)
    expect(lint.stdout).toBe('0 errors, 0 warnings in 1 file\n')
    expect(lint.code).toBe(0)
  })

  test('plain cucumber-js finds a domain’s steps', async () => {
    const plain = await run('npm', ['run', 'cucumber', '--', 'specs/shop', '--dry-run'], project)
    expect(plain.stdout).toContain('2 scenarios (2 skipped)\n7 steps (7 skipped)\n')
    expect(plain.code).toBe(0)
  })

  describe('parlance new domain in that project', () => {
    let added: Ran
    let configBefore: string

    beforeAll(async () => {
      configBefore = readFileSync(join(project, 'parlance.config.ts'), 'utf8')
      added = await parlance(['new', 'domain', 'orders', '--channels', 'api'], project)
    })

    test('writes the domain, and shares the stub: its address variable goes into the stub’s env', () => {
      expect(added.stderr).toBe('')
      expect(added.code).toBe(0)
      expect(added.stdout).toBe(
        `Wrote the orders domain in ${project}:
  specs/orders/orders.feature           the story: a Feature, a Rule per criterion, scenarios
  specs/orders/steps/orders-steps.ts    the step glue, one DSL call per step
  dsl/orders/orders-dsl.ts              the DSL, its parameters declared
  dsl/orders/index.ts                   this.use(orders): the DSL with the channel's driver
  dsl/orders/orders-dsl.test.ts         a unit test of the DSL on an in-memory driver
  drivers/orders/orders-driver.ts       the driver interface
  drivers/orders/api-orders-driver.ts   the api driver, over HTTP at ORDERS_URL
  drivers/orders/index.ts               the channels: api
  parlance.config.ts                    the orders domain, and ORDERS_URL in the stub system's env

Next:
  The DSL's unit test, on an in-memory driver:
    node --import parlance/register --test dsl/orders/orders-dsl.test.ts
  Its scenarios, against the stub system:
    npx parlance run --domain orders
  Check the spec says what, not how:
    npx parlance lint specs/orders

Then rewrite the story in specs/orders/orders.feature in your domain's words,
and its steps, DSL and drivers to match.
`,
      )
      const config = readFileSync(join(project, 'parlance.config.ts'), 'utf8')
      expect(config).toBe(
        configBefore
          .replace(
            "        SHOP_URL: '{address}',\n",
            "        SHOP_URL: '{address}',\n        ORDERS_URL: '{address}',\n",
          )
          .replace(
            "      support: ['specs/shop/steps/**/*.ts'],\n    },\n",
            "      support: ['specs/shop/steps/**/*.ts'],\n    },\n" +
              '    orders: {\n' +
              "      features: ['specs/orders/**/*.feature'],\n" +
              "      channels: ['api'],\n" +
              "      systems: ['stub'],\n" +
              "      support: ['specs/orders/steps/**/*.ts'],\n" +
              '    },\n',
          ),
      )
    })

    test('its unit test passes', async () => {
      const unit = await run(
        process.execPath,
        ['--import', 'parlance/register', '--test', 'dsl/orders/orders-dsl.test.ts'],
        project,
      )
      expect(unit.stdout).toContain('# pass 4\n# fail 0\n')
      expect(unit.code).toBe(0)
    })

    test('parlance run --domain orders passes against the stub, and the gate is green', async () => {
      const acceptance = await run('npx', ['parlance', 'run', '--domain', 'orders'], project)
      expect(acceptance.stdout).toContain('  stub: started at http://127.0.0.1:')
      expect(acceptance.stdout).toContain('Result    passed: 2 passed\n')
      expect(acceptance.stdout).toMatch(/^ORDERS-1 {2}An order takes what it orders from stock {22}✓$/m)
      expect(acceptance.stdout.trimEnd().split('\n').at(-1)).toBe('Gate: GREEN')
      expect(acceptance.code).toBe(0)
      expect(await waitUntil(() => processesIn(project).length === 0, 5_000)).toBe(true)
    })

    test('plain cucumber-js, with two domains, asks which to run', async () => {
      const plain = await run('npm', ['run', 'cucumber', '--', '--dry-run'], project)
      expect(plain.stderr).toContain(
        'name the features to run, e.g. npm run cucumber -- specs/shop: each domain has steps of its own ' +
          "(domains: shop, orders), and one cucumber-js run can load one domain's. parlance run runs them all.",
      )
      expect(plain.code).not.toBe(0)
    })

    test.each([
      [
        ['Orders'],
        'parlance new: "Orders" is not a domain name: use lower-case letters, digits and hyphens, starting with a ' +
          'letter, e.g. orders or order-history',
      ],
      [
        ['shop'],
        'parlance new: parlance.config.ts already has a domain "shop" (its domains: shop, orders); choose another name',
      ],
      [
        ['refunds', '--channels', 'api,stream'],
        'parlance new: --channels: no driver can be made for "stream"; the channels are api and ui, e.g. --channels ' +
          'api,ui',
      ],
      [
        ['refunds', '--channels', 'apl'],
        'parlance new: --channels: no driver can be made for "apl" — did you mean "api"?; the channels are api and ' +
          'ui, e.g. --channels api,ui',
      ],
    ])('parlance new domain %j is refused, and writes nothing', async (args, message) => {
      const before = filesIn(project)
      const config = readFileSync(join(project, 'parlance.config.ts'), 'utf8')
      const refused = await parlance(['new', 'domain', ...args], project)
      expect(refused.stderr).toBe(`${message}\n`)
      expect(refused.code).toBe(2)
      expect(filesIn(project)).toEqual(before)
      expect(readFileSync(join(project, 'parlance.config.ts'), 'utf8')).toBe(config)
    })

    test('parlance new never overwrites a file: it names it, and writes nothing', async () => {
      mkdirSync(join(project, 'specs/refunds'))
      writeFileSync(join(project, 'specs/refunds/refunds.feature'), 'Feature: Refunds\n')
      const before = filesIn(project)
      const refused = await parlance(['new', 'domain', 'refunds'], project)
      expect(refused.stderr).toBe(
        'parlance new: specs/refunds/refunds.feature already exists, and parlance new never overwrites a file: ' +
          'move it away, or choose another domain name. Nothing was written.\n',
      )
      expect(refused.code).toBe(2)
      expect(filesIn(project)).toEqual(before)
      expect(readFileSync(join(project, 'specs/refunds/refunds.feature'), 'utf8')).toBe('Feature: Refunds\n')
    })

    test('init refuses a folder that holds anything, and names what is there', async () => {
      const refused = await parlance(['init'], project)
      expect(refused.stderr).toBe(
        `parlance init: ${project} is not empty: it holds .gitignore, cucumber.js, drivers, dsl, node_modules and ` +
          '7 more. parlance init makes a new project in an empty folder: give another (parlance init DIR), or add ' +
          'a domain to this project with parlance new domain NAME\n',
      )
      expect(refused.code).toBe(2)
    })
  })

  afterAll(async () => {
    expect(await waitUntil(() => processesIn(project).length === 0, 5_000)).toBe(true)
  })
})

describe('parlance init and parlance new, refused', { timeout: 60_000 }, () => {
  test('init names what a non-empty folder holds, and writes nothing', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'notes.txt'), 'mine\n')
    mkdirSync(join(dir, 'src'))
    const refused = await parlance(['init', dir, '--domain', 'orders'], tempDir())
    expect(refused.stderr).toBe(
      `parlance init: ${dir} is not empty: it holds notes.txt and src. parlance init makes a new project in an ` +
        'empty folder: give another (parlance init DIR), or add a domain to this project with parlance new domain ' +
        'NAME\n',
    )
    expect(refused.code).toBe(2)
    expect(filesIn(dir)).toEqual(['notes.txt'])
  })

  test('init with a bad domain name writes nothing', async () => {
    const dir = tempDir()
    const refused = await parlance(['init', '--domain', 'Shop'], dir)
    expect(refused.stderr).toBe(
      'parlance init: "Shop" is not a domain name: use lower-case letters, digits and hyphens, starting with a ' +
        'letter, e.g. orders or order-history\n',
    )
    expect(refused.code).toBe(2)
    expect(readdirSync(dir)).toEqual([])
  })

  test('new outside a project says where it looked', async () => {
    const dir = tempDir()
    const refused = await parlance(['new', 'domain', 'orders'], dir)
    expect(refused.stderr).toBe(
      `parlance new: no parlance.config.ts in ${dir}: run parlance new in a project's folder, or make a project ` +
        'with parlance init\n',
    )
    expect(refused.code).toBe(2)
  })

  test('new with no place for the entry in the config prints what to paste, and writes nothing', async () => {
    const dir = tempDir()
    const config =
      "export default { domains: { shop: { features: ['specs'], channels: ['api'] } }, support: ['specs'] }\n"
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n')
    writeFileSync(join(dir, 'parlance.config.ts'), config)
    const refused = await parlance(['new', 'domain', 'orders'], dir)
    expect(refused.stderr).toBe(
      'parlance new: cannot find where to add the orders domain in parlance.config.ts: it needs one "domains: {" ' +
        'whose entries are on lines of their own. Nothing was written. Add this to it by hand:\n' +
        'In domains:\n' +
        '  orders: {\n' +
        "    features: ['specs/orders/**/*.feature'],\n" +
        "    channels: ['api'],\n" +
        "    support: ['specs/orders/steps/**/*.ts'],\n" +
        '  },\n' +
        'then write the files with parlance new domain orders --skip-config\n',
    )
    expect(refused.code).toBe(2)
    expect(filesIn(dir)).toEqual(['package.json', 'parlance.config.ts'])
    expect(readFileSync(join(dir, 'parlance.config.ts'), 'utf8')).toBe(config)
  })

  test('new makes a domain and nothing else', async () => {
    const dir = tempDir()
    const refused = await parlance(['new', 'thing'], dir)
    expect(refused.stderr).toBe(
      'parlance new: cannot make a "thing": parlance new makes a domain, e.g. parlance new domain orders --channels ' +
        'api,ui\n',
    )
    expect(refused.code).toBe(2)
  })
})
