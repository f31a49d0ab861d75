// Every page is built with the `html` tag: interpolated values are escaped
// unless they are already Html, so user data can never become markup.

/**
 * A piece of markup that is safe to send: built by `html`, never from raw user text.
 *
 * @example
 *   const runner = '<script>'
 *   const cell = html`<td>${runner}</td>`
 *   String(cell) // '<td>&lt;script&gt;</td>' when runner is '<script>'
 */
export class Html {
  constructor(
    /** The markup. */
    readonly markup: string,
  ) {}

  toString(): string {
    return this.markup
  }
}

/** What may be interpolated into `html`: text is escaped, Html kept, lists joined, nothing for false/null/undefined. */
export type HtmlValue = Html | string | number | false | null | undefined | readonly HtmlValue[]

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * Escapes text for an HTML element body or a quoted attribute value.
 *
 * @example
 *   escapeHtml('<b title="x">') // '&lt;b title=&quot;x&quot;&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char)
}

/**
 * The template tag every page is written with: interpolations are escaped
 * unless they are Html; arrays are joined; false, null and undefined render nothing.
 *
 * @example
 *   const runners = ['Red Rum', '<script>']
 *   html`<li>${runners[1]}</li>` // '<li>&lt;script&gt;</li>'
 *   html`<ul>${runners.map((r) => html`<li>${r}</li>`)}</ul>`
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let markup = strings[0] ?? ''
  values.forEach((value, index) => {
    markup += render(value) + (strings[index + 1] ?? '')
  })
  return new Html(markup)
}

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.markup
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('')
  if (value === false || value === null || value === undefined) return ''
  return escapeHtml(String(value))
}
