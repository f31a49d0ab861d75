import { readFile } from 'node:fs/promises'
import { basename, dirname, extname } from 'node:path'
import { parseEnvelope, type Envelope } from '@cucumber/messages'
import { ConfigurationError } from '../errors/configuration-error.ts'
import { maskEnvelope } from './mask-envelope.ts'

/**
 * One file of cucumber messages and the channel it is the run of.
 *
 * @example
 *   const set = await readMessageFile('reports/api/messages.ndjson')
 *   set.channel // 'api'
 */
export interface MessageSet {
  file: string
  /** The parent directory's name for `messages.ndjson`, else the file's stem. */
  channel: string
  envelopes: Envelope[]
}

/**
 * The channel a message file is the run of: `reports/api/messages.ndjson` → `api`, `retry.ndjson` → `retry`.
 *
 * @example
 *   channelOf('reports/ui/messages.ndjson') // 'ui'
 */
export function channelOf(file: string): string {
  const stem = basename(file, extname(file))
  return stem === 'messages' ? basename(dirname(file)) || stem : stem
}

/**
 * Reads an NDJSON file of cucumber messages with @cucumber/messages'
 * `parseEnvelope`; fields and messages of a newer protocol are kept as they
 * are, and the secrets in errors and text attachments are masked
 * ({@link maskEnvelope}). A line that is not a JSON object is a
 * ConfigurationError naming file:line and what was wrong.
 *
 * @example
 *   await readMessageFile('reports/api/messages.ndjson') // { file, channel: 'api', envelopes: [...] }
 *   // ConfigurationError: reports/api/messages.ndjson:3: not a cucumber message: Unexpected token … in "{oops"
 */
export async function readMessageFile(file: string): Promise<MessageSet> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new ConfigurationError(`${file}: cannot read it: ${(error as Error).message}`, { cause: error })
  }
  return { file, channel: channelOf(file), envelopes: parseMessages(text, file) }
}

/**
 * The cucumber messages of an NDJSON text, read from `file`, secrets masked;
 * a line that is not a JSON object is a ConfigurationError naming file:line.
 *
 * @example
 *   parseMessages('{"testRunStarted":{"timestamp":{"seconds":0,"nanos":0}}}\n', 'api/messages.ndjson').length // 1
 */
export function parseMessages(text: string, file: string): Envelope[] {
  const envelopes: Envelope[] = []
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return
    const where = `${file}:${index + 1}`
    let envelope: unknown
    try {
      envelope = parseEnvelope(line)
    } catch (error) {
      throw new ConfigurationError(
        `${where}: not a cucumber message: ${(error as Error).message} in "${line.slice(0, 60)}"`,
        { cause: error },
      )
    }
    if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) {
      throw new ConfigurationError(
        `${where}: not a cucumber message: expected a JSON object such as {"pickle":{…}}, got "${line.slice(0, 60)}"`,
      )
    }
    envelopes.push(maskEnvelope(envelope as Envelope))
  })
  return envelopes
}
