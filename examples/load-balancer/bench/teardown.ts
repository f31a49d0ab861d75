// Everything the benchmark started, stopped in reverse order exactly once:
// at the end, on an error, on SIGINT, or when the time budget runs out.

/**
 * A stack of stop steps.
 *
 * @example
 *   declare const nginx: import('./start-nginx.ts').RunningNginx
 *   const teardown = new Teardown(); teardown.add('nginx', () => nginx.child.stop())
 *   await teardown.run() // [] when every step stopped cleanly
 */
export class Teardown {
  readonly #steps: Array<{ what: string; stop: () => Promise<void> }> = []
  #running: Promise<string[]> | undefined

  add(what: string, stop: () => Promise<void>): void {
    this.#steps.push({ what, stop })
  }

  /** Runs every step, newest first, each for at most `stepMs`; returns what went wrong. */
  run(stepMs = 10_000): Promise<string[]> {
    this.#running ??= this.#runSteps(stepMs)
    return this.#running
  }

  async #runSteps(stepMs: number): Promise<string[]> {
    const problems: string[] = []
    for (const { what, stop } of this.#steps.reverse()) {
      let timer: NodeJS.Timeout | undefined
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(resolve, stepMs, 'late')))
      try {
        if ((await Promise.race([stop(), late])) === 'late') problems.push(`stopping ${what} took over ${stepMs} ms`)
      } catch (error) {
        problems.push(`stopping ${what} failed: ${(error as Error).message}`)
      } finally {
        clearTimeout(timer)
      }
    }
    return problems
  }
}
