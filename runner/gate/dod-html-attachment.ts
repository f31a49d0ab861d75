import type { Attachment } from '../../drivers/core/run-model/index.ts'
import { html, type Html } from './html-template.ts'
import { largeAttachmentBytes } from './write-html.ts'

/**
 * How much of a text attachment dod.html shows: 64 KiB; the rest is in report.html.
 *
 * @example
 *   declare const log: string
 *   Buffer.byteLength(log) > textAttachmentBytes // shown truncated, and says so
 */
export const textAttachmentBytes = 64 * 1024

/**
 * The largest image dod.html embeds: the size report.html keeps inline (256 KiB); a larger one is only named.
 *
 * @example
 *   declare const screenshot: Attachment
 *   Buffer.byteLength(screenshot.body, 'base64') > imageAttachmentBytes // named, with a link to report.html
 */
export const imageAttachmentBytes = largeAttachmentBytes

const images = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp'])

/**
 * An attachment as dod.html shows it: text and JSON in a `<pre>` (JSON indented; cut at
 * `textAttachmentBytes`, saying so), a PNG, JPEG, GIF or WebP image inline up to `imageAttachmentBytes`,
 * anything else by its media type, name and size, with a link to report.html.
 *
 * @example
 *   String(renderAttachment({ mediaType: 'text/plain', body: '<b>', encoding: 'identity' }))
 *   // '<figure class="attachment"><figcaption>text/plain, 3 B</figcaption><pre>&lt;b&gt;</pre></figure>'
 */
export function renderAttachment(attachment: Attachment): Html {
  const { mediaType, body, encoding } = attachment
  const bytes = encoding === 'base64' ? Buffer.byteLength(body, 'base64') : Buffer.byteLength(body)
  const caption = `${mediaType}${attachment.fileName ? ` "${attachment.fileName}"` : ''}, ${formatBytes(bytes)}`
  const base64 = body.replace(/\s+/g, '')
  if (encoding === 'base64' && images.has(mediaType) && /^[A-Za-z0-9+/]*={0,2}$/.test(base64)) {
    if (bytes > imageAttachmentBytes) {
      const limit = formatBytes(imageAttachmentBytes)
      return html`<p class="attachment">${caption}: too large to show here (over ${limit}); see ${reportLink}</p>`
    }
    const alt = attachment.fileName ?? mediaType
    const image = html`<img src="data:${mediaType};base64,${base64}" alt="${alt}">`
    return html`<figure class="attachment"><figcaption>${caption}</figcaption>${image}</figure>`
  }
  if (isText(mediaType)) {
    const text = encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : body
    const shown = Buffer.from(text).subarray(0, textAttachmentBytes).toString('utf8')
    const cut = bytes > textAttachmentBytes
    const sizes = `the first ${formatBytes(textAttachmentBytes)} of ${formatBytes(bytes)}`
    const note = html`<p class="truncated">Truncated: ${sizes}; the whole attachment is in ${reportLink}.</p>`
    const pre = html`<pre>${cut ? shown : indented(mediaType, text)}</pre>`
    return html`<figure class="attachment"><figcaption>${caption}</figcaption>${pre}${cut && note}</figure>`
  }
  return html`<p class="attachment">${caption}: not shown here; see ${reportLink}</p>`
}

const reportLink = html`<a href="report.html">report.html</a>`

function isText(mediaType: string): boolean {
  return /^text\//.test(mediaType) || /^application\/([\w.-]+\+)?(json|xml)$/.test(mediaType)
}

function indented(mediaType: string, text: string): string {
  if (!/json$/.test(mediaType)) return text
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}

/**
 * A size as a person reads it: bytes, KiB or MiB.
 *
 * @example
 *   formatBytes(300 * 1024) // '300.0 KiB'
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}
