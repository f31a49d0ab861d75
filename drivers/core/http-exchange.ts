import type { ScenarioEnd, ScenarioResource } from './driver-context.ts'
import { maskSecrets, maskText } from './mask-secrets.ts'

/**
 * One HTTP request and its answer (or its failure), as recorded for a
 * scenario's report. Secret header values and the URL are already masked.
 *
 * @example
 *   const exchange: HttpExchange = {
 *     method: 'GET',
 *     url: 'http://127.0.0.1:8080/bets',
 *     requestHeaders: {},
 *     status: 200,
 *     durationMs: 12,
 *   }
 *   exchange.error // undefined: the system answered
 */
export interface HttpExchange {
  method: string
  url: string
  requestHeaders: Record<string, string>
  requestBody?: string
  status?: number
  responseHeaders?: Record<string, string>
  responseBody?: string
  durationMs: number
  /** Why no answer came: connection refused, reset, timeout. */
  error?: string
}

// A report needs the start of a huge body, not all 6 million bets.
const maxRecordedBody = 64 * 1024

/**
 * The HTTP exchanges of one scenario. As a ScenarioResource it attaches them
 * (`http-exchanges.json`) when the scenario fails, with every known secret masked,
 * and credentials in URLs, `token=…` pairs and header lines (see {@link maskSecrets}).
 *
 * @example
 *   declare const ctx: import('./driver-context.ts').DriverContext, exchange: HttpExchange
 *   const log = new HttpExchangeLog(); ctx.track(log)
 *   log.record(exchange, ['eyJhbGci'])
 */
export class HttpExchangeLog implements ScenarioResource {
  private readonly recorded: HttpExchange[] = []
  private readonly secrets = new Set<string>()

  /** Adds an exchange; `secrets` are masked in every exchange's URL and bodies. */
  record(exchange: HttpExchange, secrets: Iterable<string> = []): void {
    for (const secret of secrets) this.secrets.add(secret)
    this.recorded.push({
      ...exchange,
      requestBody: clip(exchange.requestBody),
      responseBody: clip(exchange.responseBody),
    })
  }

  /** The exchanges so far, oldest first, secrets masked. */
  exchanges(): HttpExchange[] {
    return this.recorded.map((exchange) => ({
      ...exchange,
      url: this.mask(exchange.url),
      requestBody: this.mask(exchange.requestBody),
      responseBody: this.mask(exchange.responseBody),
      ...(exchange.error === undefined ? {} : { error: this.mask(exchange.error) }),
    }))
  }

  /** Masks the known secrets and {@link maskSecrets}' in a text, e.g. a body quoted in an error message. */
  mask<T extends string | undefined>(text: T): T {
    return (text === undefined ? text : maskSecrets(maskText(text, this.secrets))) as T
  }

  async dispose({ failed, attach }: ScenarioEnd): Promise<void> {
    if (failed && this.recorded.length > 0)
      await attach(JSON.stringify(this.exchanges(), null, 2), 'application/json', 'http-exchanges.json')
  }
}

function clip(text: string | undefined): string | undefined {
  if (text === undefined || text.length <= maxRecordedBody) return text
  return `${text.slice(0, maxRecordedBody)}… (${text.length - maxRecordedBody} more characters not recorded)`
}
