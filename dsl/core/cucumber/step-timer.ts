/**
 * How long a step took, told to whoever words its timeout.
 *
 * @example
 *   const timing: StepTiming = { limitMs: 60_000, stepMs: 60_004, setUpMs: 4_210, setUp: 'opening the browser' }
 */
export interface StepTiming {
  limitMs: number
  /** Time on the step's clock: from its start, less the time spent setting up. */
  stepMs: number
  /** Time spent setting up, outside the step's clock. */
  setUpMs: number
  /** What the last set-up was, e.g. `opening the browser`. */
  setUp?: string
}

/**
 * The step timer of one scenario: it runs one step at a time against the
 * channel's limit, and stops while the step sets up (launches a browser, opens
 * its context), so a slow machine's start-up is not charged to the step.
 *
 * @example
 *   import type { Browser } from 'playwright'
 *   declare const step: () => Promise<void>, browser: Browser
 *   const timer = new StepTimer()
 *   await timer.run(step(), 30_000, (timing) => new Error(`timed out after ${timing.stepMs} ms`))
 *   await timer.setUp('opening the browser', () => browser.newContext()) // inside the step: not counted
 */
export class StepTimer {
  private stepBegan = 0
  private setUpMs = 0
  private setUpDepth = 0
  private setUpBegan = 0
  private lastSetUp: string | undefined
  private wake: (() => void) | undefined

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Settles as `step` does, or rejects with `timedOut(timing)` once the step
   * has spent `limitMs` on its own clock. A step that times out is abandoned,
   * not stopped; its later rejection is swallowed here, not left unhandled.
   */
  run<T>(step: Promise<T>, limitMs: number, timedOut: (timing: StepTiming) => Error): Promise<T> {
    this.stepBegan = this.now()
    this.setUpMs = 0
    // The step's code ran before its timer started: a set-up it began synchronously is still this step's.
    if (this.setUpDepth > 0) this.setUpBegan = this.stepBegan
    else this.lastSetUp = undefined
    return new Promise<T>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined
      let settled = false
      const check = (): void => {
        timer = undefined
        if (settled) return
        if (this.setUpDepth > 0) {
          this.wake = check
          return
        }
        const stepMs = this.now() - this.stepBegan - this.setUpMs
        if (stepMs < limitMs) {
          timer = setTimeout(check, limitMs - stepMs)
          return
        }
        settled = true
        reject(
          timedOut({ limitMs, stepMs, setUpMs: this.setUpMs, ...(this.lastSetUp ? { setUp: this.lastSetUp } : {}) }),
        )
      }
      const finish = (settle: () => void): void => {
        if (timer) clearTimeout(timer)
        this.wake = undefined
        if (settled) return
        settled = true
        settle()
      }
      timer = setTimeout(check, limitMs)
      step.then(
        (value) => finish(() => resolve(value)),
        (error: unknown) => finish(() => reject(error)),
      )
    })
  }

  /**
   * Runs set-up work with the step's clock stopped; nested set-ups count once.
   *
   * @example
   *   import { chromium } from 'playwright'
   *   declare const timer: StepTimer
   *   const browser = await timer.setUp('launching the browser', () => chromium.launch())
   */
  async setUp<T>(what: string, work: () => Promise<T>): Promise<T> {
    if (this.setUpDepth++ === 0) this.setUpBegan = this.now()
    this.lastSetUp = what
    try {
      return await work()
    } finally {
      if (--this.setUpDepth === 0) {
        this.setUpMs += this.now() - this.setUpBegan
        const wake = this.wake
        this.wake = undefined
        wake?.()
      }
    }
  }
}
