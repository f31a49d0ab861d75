import type { Envelope } from '@cucumber/messages'
import { maskSecrets } from '../mask-secrets.ts'

interface ResultText {
  message?: string
  exception?: { message?: string; stackTrace?: string }
}

/**
 * A cucumber message with the secrets masked ({@link maskSecrets}) in what a
 * report shows of it: a step's, hook's or run's error and a text attachment.
 * Parlance's World masks them before cucumber records them; this catches what
 * reached the messages another way (an error cucumber caught itself, messages
 * of an older run). The spec's own text is left as written.
 *
 * @example
 *   declare const envelope: Envelope
 *   maskEnvelope(envelope).attachment?.body // 'GET /bets?token=****'
 */
export function maskEnvelope(envelope: Envelope): Envelope {
  maskResult(envelope.testStepFinished?.testStepResult)
  maskResult(envelope.testRunHookFinished?.result)
  maskResult(envelope.testRunFinished)
  const attachment = envelope.attachment
  if (attachment && attachment.contentEncoding === 'IDENTITY' && typeof attachment.body === 'string')
    attachment.body = maskSecrets(attachment.body)
  return envelope
}

function maskResult(result: ResultText | undefined): void {
  if (!result) return
  if (typeof result.message === 'string') result.message = maskSecrets(result.message)
  const exception = result.exception
  if (!exception) return
  if (typeof exception.message === 'string') exception.message = maskSecrets(exception.message)
  if (typeof exception.stackTrace === 'string') exception.stackTrace = maskSecrets(exception.stackTrace)
}
