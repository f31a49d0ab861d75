import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
const fixture = (path: string): string => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url))

/** cucumber-js's own bin: every variant but `parlance run` starts it the same way. */
export const cucumberBin = join(repoRoot, 'node_modules/@cucumber/cucumber/bin/cucumber.js')
/** The `parlance` command. */
export const parlanceBin = join(repoRoot, 'runner/bin/parlance.mjs')
/** The project's tsx register file, listed first in cucumber's `import`. */
export const registerFile = join(repoRoot, 'runner/register.mjs')
/** What `node --import tsx` loads, resolved from the repository (the suites run in a temporary directory). */
export const tsxLoader = fileURLToPath(import.meta.resolve('tsx'))

/**
 * The support files the variants load, all checked in under fixtures/ and
 * type-checked with the rest of the repository.
 *
 * @example
 *   cucumberArgs([registerFile, support.marks, support.parlanceAccounts])
 */
export const support = {
  /** Writes the first-scenario and end marks; loaded by every variant. */
  marks: fixture('mark-scenarios.mjs'),
  /** Parlance: installParlance, the accounts DSL, an in-memory driver. */
  parlanceAccounts: fixture('accounts/steps.ts'),
  /** Plain cucumber doing the same work by hand, TypeScript. */
  plainAccounts: fixture('accounts-plain/steps.ts'),
  /** The plain steps with ParlanceWorld as the World, nothing else of Parlance: the overhead ladder's second rung. */
  plainAccountsParlanceWorld: fixture('accounts-plain/with-parlance-world.ts'),
  /** The plain steps under installParlance (World, step wrapper, hooks), without the DSL: the third rung. */
  plainAccountsInstallParlance: fixture('accounts-plain/with-install-parlance.ts'),
  /** The same plain steps as JavaScript. */
  plainAccountsJs: fixture('accounts-plain/steps.mjs'),
  /** Parlance: the visits DSL over HttpClient to the slow server. */
  parlanceVisits: fixture('visits/steps.ts'),
} as const

/**
 * The arguments of `node` for a cucumber-js run of a suite's features in its
 * directory, with the summary formatter on stdout (the same for every variant).
 *
 * @example
 *   cucumberArgs([registerFile, support.marks, support.plainAccounts], { parallel: 2 })
 *   cucumberArgs([support.marks, support.plainAccounts], { nodeImports: [tsxLoader] }) // node --import tsx
 */
export function cucumberArgs(
  imports: readonly string[],
  options: { parallel?: number; nodeImports?: readonly string[] } = {},
): string[] {
  return [
    ...(options.nodeImports ?? []).flatMap((file) => ['--import', file]),
    cucumberBin,
    ...imports.flatMap((file) => ['--import', file]),
    '--format',
    'summary',
    ...(options.parallel ? ['--parallel', String(options.parallel)] : []),
    'features/**/*.feature',
  ]
}

/**
 * The environment of every benchmark process: this one's, with a fixed run
 * id (as `parlance run` would set one for all workers) and any extras.
 *
 * @example
 *   childEnv({ BENCH_SLOW_URL: 'http://127.0.0.1:40123' })
 */
export function childEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  return { ...process.env, PARLANCE_RUN_ID: 'bench', ...extra }
}
