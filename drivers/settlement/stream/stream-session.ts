import type { DriverContext } from '../../core/driver-context.ts'
import { SystemCompromisedError } from '../../core/errors/system-compromised-error.ts'
import type { EngineLink } from './engine-link.ts'
import { readOutcomeLine, type CommandLine, type OutcomeLine } from './stream-lines.ts'
import type { StreamTranscript } from './stream-transcript.ts'

const source = 'POST /stream'

/**
 * The stream channel's command session: each command is one NDJSON line to
 * `POST /stream`, answered by one outcome line. Every line is written to the
 * transcript. A refusal is returned, for the caller to judge, except the
 * engine's own failure (`internal-error`): a SystemCompromisedError.
 *
 * One short POST per command on a kept-alive connection, not one request
 * per scenario: the engine writes an accepted command's outcome once the
 * command is on disk, but only when the next line arrives or the body ends,
 * so a client that waits for each outcome before sending the next line
 * would wait forever. A one-line body ends at once.
 *
 * @example
 *   declare const link: EngineLink, transcript: StreamTranscript, ctx: DriverContext
 *   const session = new StreamSession(link, transcript, ctx)
 *   const outcome = await session.send({ type: 'void', event: 'r1' })
 *   // → { ok: true, fields: { event: 'r1', status: 'void', version: 2, … } }
 */
export class StreamSession {
  constructor(
    private readonly link: EngineLink,
    private readonly transcript: StreamTranscript,
    private readonly ctx: Pick<DriverContext, 'log'>,
  ) {}

  /** Sends one command and returns its outcome line. */
  async send(command: CommandLine): Promise<OutcomeLine> {
    const line = JSON.stringify(command)
    const started = performance.now()
    this.transcript.sent(source, line)
    const answer = await this.link
      .exchange('POST', '/stream', { text: `${line}\n`, contentType: 'application/x-ndjson' })
      .catch((error: unknown) => {
        this.transcript.note(source, `no answer: ${(error as Error).message}`)
        throw error
      })
    const lines = answer.text.split('\n').filter((text) => text.trim() !== '')
    for (const text of lines) this.transcript.received(source, text)
    const context = { context: { request: `${source} ${line}` } }
    if (answer.status !== 200) {
      throw new SystemCompromisedError(
        `${source} answered ${answer.status} to a ${command.type} command; expected 200 and one outcome line. ` +
          `Body: ${answer.text.slice(0, 500) || '(empty)'}`,
        context,
      )
    }
    if (lines.length !== 1) {
      throw new SystemCompromisedError(
        `${source} answered ${lines.length} lines to one ${command.type} command; expected exactly one outcome ` +
          `line. Is SETTLEMENT_URL the settlement engine?`,
        context,
      )
    }
    const outcome = readOutcomeLine(lines[0]!)
    this.ctx.log(
      `${source} ${command.type} → ${outcome.ok ? 'ok' : outcome.error.code} ` +
        `(${Math.round(performance.now() - started)} ms)`,
    )
    if (!outcome.ok && outcome.error.code === 'internal-error') {
      throw new SystemCompromisedError(
        `${source}: the engine failed on a ${command.type} command: ${outcome.error.message}. See the engine's log`,
        context,
      )
    }
    return outcome
  }
}
