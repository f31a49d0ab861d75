/**
 * Another live process holds the data directory: two writers would interleave
 * their logs.
 *
 * @example
 *   throw new DataDirLockedError('/data', 4242)
 */
export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError'

  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`the data directory ${dataDir} is in use by process ${pid}; stop it first, or use another --data-dir`)
  }
}
