/**
 * A line longer than the splitter allows; the rest of the stream cannot be
 * read line by line.
 *
 * @example
 *   throw new LineTooLongError(1_048_576)
 */
export class LineTooLongError extends Error {
  override name = 'LineTooLongError'

  constructor(readonly limit: number) {
    super(`a line is longer than ${limit} bytes; send one command per line, each under ${limit} bytes`)
  }
}
