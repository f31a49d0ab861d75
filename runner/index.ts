// The runner's public entry: what a project's parlance.config.ts uses. Docs snippets import it as
// 'parlance/runner' (runner/doc-examples/snippet-module.ts).
export {
  defineConfig,
  type ChannelConfig,
  type DomainConfig,
  type ParlanceConfig,
  type SystemConfig,
} from './config/config.ts'
export type { GateConfig } from './gate/gate-config.ts'
export type { LintConfig, LintRuleSetting } from './lint/lint-config.ts'
export type { SecretsConfig } from '../drivers/core/secret-names.ts'
