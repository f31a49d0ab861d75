/**
 * Thrown by the block callback for a logged line that is refused on replay:
 * where the line starts in the block, and why.
 *
 * @example
 *   throw new RefusedLogLine(512, 'invalid-json', 'the line is not JSON (…)')
 */
export class RefusedLogLine extends Error {
  override name = 'RefusedLogLine'

  constructor(
    readonly lineStart: number,
    readonly code: string,
    reason: string,
  ) {
    super(reason)
  }
}
