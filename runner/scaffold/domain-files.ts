import type { DomainNames } from './domain-names.ts'
import { renderTemplate } from './render-template.ts'

/**
 * One file the scaffold writes: where (relative to the project), its text,
 * and what it is, as the summary says.
 *
 * @example
 *   const file: GeneratedFile = { path: 'dsl/shop/shop-dsl.ts', text: 'export class ShopDsl {…}\n', what: 'the DSL' }
 */
export interface GeneratedFile {
  path: string
  text: string
  what: string
}

/**
 * The channels a domain can be made with: each gets a driver.
 *
 * @example
 *   scaffoldChannels.includes('ui') // true
 */
export const scaffoldChannels: readonly string[] = ['api', 'ui']

/**
 * The test runner the DSL's unit test is written for: vitest when the
 * project has it, else Node's own (`node --import parlance/register --test`).
 *
 * @example
 *   const runner: UnitTestRunner = 'node'
 */
export type UnitTestRunner = 'vitest' | 'node'

/**
 * The files of a new domain, on `channels` (a subset of {@link scaffoldChannels},
 * api first): its feature, step glue, DSL with its unit test, driver
 * interface and one driver per channel.
 *
 * @example
 *   import { domainNames } from './domain-names.ts'
 *   domainFiles(domainNames('shop'), ['api'], 'vitest').map((file) => file.path)
 *   // → ['specs/shop/shop.feature', 'specs/shop/steps/shop-steps.ts', 'dsl/shop/shop-dsl.ts', …]
 */
export function domainFiles(names: DomainNames, channels: readonly string[], runner: UnitTestRunner): GeneratedFile[] {
  const { name, camel, pascal } = names
  const values = { ...names }
  const ui = channels.includes('ui')
  const file = (path: string, template: string, what: string, extra: Record<string, string> = {}): GeneratedFile => ({
    path,
    text: renderTemplate(`domain/${template}`, { ...values, ...extra }),
    what,
  })
  return [
    file(`specs/${name}/${name}.feature`, 'feature.tmpl', 'the story: a Feature, a Rule per criterion, scenarios'),
    file(`specs/${name}/steps/${name}-steps.ts`, 'steps.ts.tmpl', 'the step glue, one DSL call per step'),
    file(`dsl/${name}/${name}-dsl.ts`, 'dsl.ts.tmpl', 'the DSL, its parameters declared'),
    file(`dsl/${name}/index.ts`, 'dsl-index.ts.tmpl', `this.use(${camel}): the DSL with the channel's driver`),
    file(`dsl/${name}/${name}-dsl.test.ts`, 'dsl.test.ts.tmpl', 'a unit test of the DSL on an in-memory driver', {
      testImport: runner === 'vitest' ? "import { test } from 'vitest'" : "import { test } from 'node:test'",
    }),
    file(`drivers/${name}/${name}-driver.ts`, 'driver.ts.tmpl', 'the driver interface'),
    file(
      `drivers/${name}/api-${name}-driver.ts`,
      'api-driver.ts.tmpl',
      `the api driver, over HTTP at ${values.urlVariable}`,
    ),
    ...(ui ? [file(`drivers/${name}/ui-${name}-driver.ts`, 'ui-driver.ts.tmpl', 'the ui driver, in Chromium')] : []),
    file(`drivers/${name}/index.ts`, 'channels.ts.tmpl', `the channels: ${channels.join(', ')}`, {
      channelImports: ui ? `import { Ui${pascal}Driver } from './ui-${name}-driver.ts'\n` : '',
      channelFactories: ui ? `  ui: (ctx) => new Ui${pascal}Driver(ctx),\n` : '',
    }),
  ]
}
