/**
 * Polls `probe` every 25 ms until it returns a value, or fails after `ms` naming `what`.
 *
 * @example
 *   const replicas = await until('both replicas', async () => (await replicasOf(admin, 'shop.test'))?.length === 2 || undefined)
 */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 5_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
