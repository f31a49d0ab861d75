import type { Envelope } from '@cucumber/messages'
import { readMessageFile } from '../../drivers/core/run-model/index.ts'

/**
 * The envelopes of a cucumber messages file (NDJSON, one envelope a line),
 * read as the gate reads them: a line that is not a message is a
 * ConfigurationError naming file:line.
 *
 * @example
 *   const envelopes = await readMessages('reports/api/messages.ndjson')
 *   envelopes.filter((envelope) => envelope.pickle).length // the scenarios planned
 */
export async function readMessages(file: string): Promise<Envelope[]> {
  return (await readMessageFile(file)).envelopes
}
