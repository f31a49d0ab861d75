/**
 * Polls `probe` every 25 ms until it returns a value, or fails after `ms` naming `what`.
 *
 * @example
 *   import { readStatus } from './lb-status.ts'
 *   const shop = async () =>
 *     (await readStatus('http://127.0.0.1:9090')).services.find((service) => service.host === 'shop.test')
 *   const replicas = await until('both replicas', async () =>
 *     (await shop())?.replicas.length === 2 ? (await shop())?.replicas : undefined,
 *   )
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
