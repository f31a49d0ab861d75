import { createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { CucumberHtmlStream } from '@cucumber/html-formatter'
import type { Envelope } from '@cucumber/messages'
import { AttachmentExternalisingStream } from '@cucumber/message-streams'

/**
 * Attachments larger than this stay out of the HTML report (a screenshot,
 * a trace, a log): 256 KiB.
 *
 * @example
 *   declare const attachment: { body: string }
 *   Buffer.byteLength(attachment.body) > largeAttachmentBytes
 */
export const largeAttachmentBytes = 256 * 1024

/**
 * Writes the HTML report with @cucumber/html-formatter, as cucumber's own html
 * formatter does. An attachment larger than `largeAttachmentBytes` goes through
 * @cucumber/message-streams' AttachmentExternalisingStream (which cucumber's
 * `externalAttachments` option uses): its body is written to
 * `<dir>/attachments/` and the report gets a link (`url`) to the file instead.
 *
 * @example
 *   declare const envelopes: Envelope[]
 *   await writeHtml('reports', envelopes) // reports/report.html, reports/attachments/attachment-….png
 */
export async function writeHtml(directory: string, envelopes: Envelope[]): Promise<void> {
  const attachments = join(directory, 'attachments')
  const slimmed: Envelope[] = []
  for (const envelope of envelopes)
    slimmed.push(isLarge(envelope) ? await externalise(envelope, attachments) : envelope)
  await pipeline(Readable.from(slimmed), new CucumberHtmlStream(), createWriteStream(join(directory, 'report.html')))
}

function isLarge(envelope: Envelope): boolean {
  const body = envelope.attachment?.body
  return body !== undefined && Buffer.byteLength(body) > largeAttachmentBytes
}

async function externalise(envelope: Envelope, directory: string): Promise<Envelope> {
  await mkdir(directory, { recursive: true })
  const stream = new AttachmentExternalisingStream({ behaviour: true, directory })
  stream.end(envelope)
  const [slim] = (await stream.toArray()) as Envelope[]
  if (!slim?.attachment?.url) return envelope
  return { ...slim, attachment: { ...slim.attachment, url: slim.attachment.url.replace(/^\.\//, './attachments/') } }
}
