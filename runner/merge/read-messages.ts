import { createReadStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { Writable } from 'node:stream'
import type { Envelope } from '@cucumber/messages'
import { NdjsonToMessageStream } from '@cucumber/message-streams'

/**
 * Reads a cucumber messages file (NDJSON, one envelope a line) with
 * `@cucumber/message-streams`, the parser cucumber's own tools use. A line
 * that is not JSON rejects with the file and line in the message.
 *
 * @example
 *   const envelopes = await readMessages('reports/api/messages.ndjson')
 *   envelopes.filter((envelope) => envelope.pickle).length // the scenarios planned
 */
export async function readMessages(file: string): Promise<Envelope[]> {
  const envelopes: Envelope[] = []
  let line = 0
  const parse = new NdjsonToMessageStream()
  const collect = new Writable({
    objectMode: true,
    write(envelope: Envelope, _encoding, done) {
      envelopes.push(envelope)
      done()
    },
  })
  parse.on('data', () => (line += 1))
  try {
    await pipeline(createReadStream(file, 'utf8'), parse, collect)
  } catch (error) {
    throw new Error(`${file}: cannot read cucumber messages after line ${line}: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
  return envelopes
}
