import { existsSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { secretNamesEnv } from '../../drivers/core/secret-names.ts'
import { defaultConfigFile, type ParlanceConfig } from './config.ts'
import { validateConfig } from './validate-config.ts'

/**
 * A validated config and where it came from; its paths are relative to `root`.
 *
 * @example
 *   const { config, root } = await loadConfig(undefined, process.cwd())
 *   resolve(root, config.reports ?? 'reports')
 */
export interface LoadedConfig {
  config: ParlanceConfig
  /** The config file, absolute. */
  file: string
  /** The config file's directory: the project root. */
  root: string
}

/**
 * Imports `parlance.config.ts` (or `path`) through tsx, which the `parlance`
 * bin has registered, and validates its default export. Its `secrets` go into
 * this process's environment (`PARLANCE_SECRET_HEADERS`,
 * `PARLANCE_SECRET_QUERY_PARAMETERS`), so that every command masks them, and
 * every worker `parlance run` starts inherits them.
 *
 * @example
 *   await loadConfig('ci/parlance.config.ts', process.cwd())
 *   // ConfigurationError: no config file at ci/parlance.config.ts …
 */
export async function loadConfig(path: string | undefined, cwd: string): Promise<LoadedConfig> {
  const file = resolve(cwd, path ?? defaultConfigFile)
  const shown = relative(cwd, file) || file
  if (!existsSync(file)) {
    throw new ConfigurationError(
      path === undefined
        ? `no ${defaultConfigFile} in ${cwd}; create one, export default defineConfig({ systems, domains, ` +
            `support }) with defineConfig from runner/config/config.ts, or pass --config PATH`
        : `--config: no config file at ${shown}; check the path (it is relative to ${cwd})`,
    )
  }
  let module: { default?: unknown }
  try {
    module = (await import(pathToFileURL(file).href)) as { default?: unknown }
  } catch (error) {
    throw new ConfigurationError(`could not load ${shown}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    })
  }
  if (module.default === undefined) {
    throw new ConfigurationError(`${shown} has no default export; end it with export default defineConfig({ … })`)
  }
  const config = validateConfig(module.default, shown)
  Object.assign(process.env, secretNamesEnv(config.secrets, process.env))
  return { config, file, root: dirname(file) }
}
