/**
 * Rewrites an error's message and stack into the spec's names, in place, and
 * does the same for its `cause` chain and an AggregateError's errors, so a
 * failure reads in the words of the spec. Returns the same error.
 *
 * @example
 *   const dealias = (text: string) => text.replaceAll('Alice r7k2-x9q2bz', 'Alice')
 *   dealiasError(new Error('no account Alice r7k2-x9q2bz'), dealias).message // 'no account Alice'
 */
export function dealiasError<E>(error: E, dealias: (text: string) => string): E {
  const seen = new Set<unknown>()
  const visit = (value: unknown): void => {
    if (!(value instanceof Error) || seen.has(value)) return
    seen.add(value)
    rewrite(value, 'message', dealias)
    rewrite(value, 'stack', dealias)
    visit(value.cause)
    if (value instanceof AggregateError) for (const inner of value.errors) visit(inner)
  }
  visit(error)
  return error
}

function rewrite(error: Error, key: 'message' | 'stack', dealias: (text: string) => string): void {
  const text = error[key]
  if (typeof text !== 'string') return
  const dealiased = dealias(text)
  if (dealiased === text) return
  try {
    error[key] = dealiased
  } catch {
    // A frozen error keeps its real names; failing here would hide the error itself.
  }
}
