// dod.html is written with the `html` tag: interpolated values are escaped unless they are already Html,
// so a scenario name, an error message or an attachment body can never become markup.

/**
 * A piece of markup that is safe to write: built by `html`, never from raw text.
 *
 * @example
 *   const name = '<script>'
 *   String(html`<td>${name}</td>`) // '<td>&lt;script&gt;</td>'
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

/**
 * What may be interpolated into `html`: text and numbers are escaped, Html kept, lists joined,
 * nothing for false, null and undefined.
 *
 * @example
 *   const cells: HtmlValue = ['api', html`<b>ui</b>`, false]
 */
export type HtmlValue = Html | string | number | false | null | undefined | readonly HtmlValue[]

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * Escapes text for an element's body or a quoted attribute's value. A control character (a NUL in a binary
 * attachment, the ESC of a coloured message) is shown by its Unicode picture: HTML has no place for it.
 *
 * @example
 *   escapeHtml('<b title="x">') // '&lt;b title=&quot;x&quot;&gt;'
 *   escapeHtml('\u001b[31mred') // '␛[31mred'
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (char) => escapes[char] ?? char)
    .replace(/[^\P{Cc}\t\n\r]/gu, (char) => controlPicture(char))
}

// U+2400 CONTROL PICTURES: ␀ for NUL … ␟ for US, ␡ for DEL; the C1 controls have none.
function controlPicture(char: string): string {
  const code = char.charCodeAt(0)
  if (code < 0x20) return String.fromCharCode(0x2400 + code)
  return code === 0x7f ? '␡' : '\ufffd'
}

/**
 * The template tag dod.html is written with: interpolations are escaped unless they are Html.
 *
 * @example
 *   const scenario = 'Bets over £1,000 & <more>'
 *   String(html`<h4 title="${scenario}">${scenario}</h4>`)
 *   // '<h4 title="Bets over £1,000 &amp; &lt;more&gt;">Bets over £1,000 &amp; &lt;more&gt;</h4>'
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  return new Html(strings.reduce((markup, string, i) => markup + render(values[i - 1]) + string))
}

/**
 * Markup that is already safe: for the page's own constant CSS, never for run data.
 *
 * @example
 *   const style = trustedHtml('<style>body { margin: 0 }</style>')
 */
export function trustedHtml(markup: string): Html {
  return new Html(markup)
}

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.markup
  if (Array.isArray(value)) return value.map(render).join('')
  if (value === false || value === null || value === undefined) return ''
  return escapeHtml(String(value))
}
