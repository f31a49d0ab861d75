// Counters the admin metrics show: what the proxy answered, retried and failed.
// Keys are bounded by what the operator runs, never by what clients send: a
// Host no service has, or no valid Host at all, counts under one label each.

/** The `host` label of responses to a Host no service has. */
export const UNKNOWN_HOST_LABEL = '(unknown)'
/** The `host` label of requests refused 400 before any Host was read. */
export const BAD_REQUEST_LABEL = '(bad request)'

/** A copy of the counters, keys sorted. */
export interface ProxyMetricsSnapshot {
  /** Responses by known Host (or `(unknown)`, `(bad request)`), then by status code. */
  responses: Record<string, Record<string, number>>
  retries: number
  /** Connection errors by code, e.g. ECONNREFUSED, and TIMEOUT. */
  errors: Record<string, number>
  /** Requests forwarded, by replica id. */
  forwarded: Record<string, number>
}

/**
 * The proxy's counters; one per handler, never module-level.
 *
 * @example
 *   const metrics = new ProxyMetrics(); metrics.countResponse('shop', 200)
 *   metrics.snapshot().responses // { shop: { '200': 1 } }
 */
export class ProxyMetrics {
  readonly #responses = new Map<string, Map<string, number>>()
  readonly #errors = new Map<string, number>()
  readonly #forwarded = new Map<string, number>()
  #retries = 0

  countResponse(host: string, status: number): void {
    const byStatus = this.#responses.get(host) ?? new Map<string, number>()
    this.#responses.set(host, byStatus)
    increment(byStatus, String(status))
  }

  countRetry(): void {
    this.#retries++
  }

  countError(code: string): void {
    increment(this.#errors, code)
  }

  countForwarded(replicaId: string): void {
    increment(this.#forwarded, replicaId)
  }

  snapshot(): ProxyMetricsSnapshot {
    return {
      responses: Object.fromEntries(
        [...this.#responses].sort(byKey).map(([host, byStatus]) => [host, sorted(byStatus)]),
      ),
      retries: this.#retries,
      errors: sorted(this.#errors),
      forwarded: sorted(this.#forwarded),
    }
  }
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1)
}

function byKey([a]: [string, unknown], [b]: [string, unknown]): number {
  return a.localeCompare(b)
}

function sorted(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort(byKey))
}
