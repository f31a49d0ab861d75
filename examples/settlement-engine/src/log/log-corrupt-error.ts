/**
 * The command log cannot be replayed: a line in the middle of it is damaged,
 * or a logged command is refused on replay. The engine will not start on it,
 * since any state it built would differ from the one it acknowledged.
 *
 * @example
 *   throw new LogCorruptError('/data/commands.ndjson', 812, 'it is not JSON (Unexpected end of JSON input)')
 */
export class LogCorruptError extends Error {
  override name = 'LogCorruptError'

  constructor(
    readonly path: string,
    readonly line: number,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(
      `the command log ${path} cannot be replayed: line ${line}: ${reason}. Restore the data directory from a ` +
        `backup, or move the log aside to start empty.`,
      options,
    )
  }
}
