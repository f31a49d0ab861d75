// 'parlance/cucumber-config': the settings plain cucumber-js needs in a project that uses Parlance, read from the
// project's parlance.config.ts. A scaffolded project's cucumber.js is one line that exports them.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { tsImport } from 'tsx/esm/api'

// Loads TypeScript in cucumber's worker processes too: it must come first in `import`.
const registerFile = fileURLToPath(new URL('../register.mjs', import.meta.url))

// cucumber-js's options that take no value: the argument after one of them is a path, not the option's value.
const flags = new Set([
  '--dry-run',
  '-d',
  '--fail-fast',
  '--strict',
  '--no-strict',
  '--backtrace',
  '-b',
  '--force-exit',
])

/**
 * The cucumber-js settings of the project whose config is `configFile`: the
 * shared support, and the support of each domain whose features the command
 * line names, so that `cucumber-js specs/shop` sees the shop domain's steps
 * only, as `parlance run --domain shop` does. When it names none, the
 * features and steps of the one domain; with more than one domain, that is an
 * error that says to name some — unless `options.allDomains` says the
 * domains' step texts never clash, when every domain's are loaded together
 * (this repository's cucumber.js).
 *
 * @example
 *   // cucumber.js
 *   export default await cucumberConfig(new URL('./parlance.config.ts', import.meta.url))
 *   // → { import: ['…/runner/register.mjs', 'specs/support/**\/*.ts', 'specs/shop/steps/**\/*.ts'], paths: [], … }
 *
 * @param {URL} configFile the project's parlance.config.ts
 * @param {string[]} args cucumber-js's command line
 * @param {{ allDomains?: boolean }} options
 * @returns {Promise<{ import: string[]; paths: string[]; format: string[] }>}
 */
export async function cucumberConfig(configFile, args = process.argv.slice(2), options = {}) {
  const { default: config } = await tsImport(configFile.href, import.meta.url)
  const { cucumberImports } = await tsImport('../config/cucumber-imports.ts', import.meta.url)
  const paths = namedPaths(args)
  const domains = Object.keys(config.domains)
  if (paths.length === 0 && domains.length > 1 && options.allDomains !== true) {
    // One cucumber-js run has one set of steps, and each domain's are its own: two domains may share a step's words.
    throw new Error(
      `name the features to run, e.g. npm run cucumber -- specs/${domains[0]}: each domain has steps of its own ` +
        `(domains: ${domains.join(', ')}), and one cucumber-js run can load one domain's. parlance run runs them all.`,
    )
  }
  const features = Object.values(config.domains).flatMap((domain) => domain.features)
  return {
    import: [registerFile, ...cucumberImports(config, paths)],
    // cucumber-js adds the paths of its command line to these: name them all only when it names none.
    paths: paths.length > 0 ? [] : features,
    format: ['progress'],
  }
}

function namedPaths(args) {
  const isValue = (index) => {
    const previous = args[index - 1]
    return previous?.startsWith('-') === true && !previous.includes('=') && !flags.has(previous)
  }
  return args
    .filter((arg, index) => !arg.startsWith('-') && !isValue(index))
    .filter((arg) => existsSync(arg.replace(/(:\d+)+$/, '')))
}
