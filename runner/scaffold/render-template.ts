import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * The text of a template under runner/scaffold/templates/ with each
 * `{{token}}` replaced by its value. A token without a value is a bug in
 * the scaffold: it throws, so that no generated file can keep a `{{…}}`.
 *
 * @example
 *   renderTemplate('domain/steps.ts.tmpl', { name: 'shop', camel: 'shop' })
 *   // "// The shop domain's step glue: each step parses its words and calls one method\n…"
 */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>): string {
  const text = readFileSync(fileURLToPath(new URL(`./templates/${template}`, import.meta.url)), 'utf8')
  return text.replace(/\{\{(\w+)\}\}/g, (_, token: string) => {
    const value = values[token]
    if (value === undefined) throw new Error(`templates/${template}: no value for {{${token}}}`)
    return value
  })
}
