// Waiting for a condition with a deadline, never a bare sleep.

/**
 * Polls `probe` every 25 ms until it returns a value; throws after `ms`.
 *
 * @example
 *   declare const lb: import('./start-load-balancer.ts').RunningLoadBalancer
 *   const replica = await waitFor(
 *     'web-4 healthy in /_lb/status',
 *     async () => (await lb.replicas('web.bench')).find((r) => r.name === 'web-4' && r.healthy),
 *     5_000,
 *   )
 */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms: number): Promise<T> {
  const deadline = Date.now() + ms
  let lastError: unknown
  for (;;) {
    try {
      const value = await probe()
      if (value !== undefined) return value
    } catch (error) {
      lastError = error
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? `; last error: ${lastError.message}` : ''
      throw new Error(`timed out after ${ms} ms waiting for ${what}${why}`, { cause: lastError })
    }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
