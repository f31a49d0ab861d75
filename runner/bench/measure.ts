import type { TimedRun } from './run-cucumber-process.ts'

/**
 * One way of running a suite, to compare with others.
 *
 * @example
 *   import { runTimedProcess, type TimedProcessSpec } from './run-cucumber-process.ts'
 *   declare const spec: TimedProcessSpec
 *   const plain: Variant = { label: 'plain cucumber', run: () => runTimedProcess(spec) }
 */
export interface Variant {
  label: string
  run(): Promise<TimedRun>
}

/**
 * Runs each variant once untimed (tsx's transform cache, the disk cache),
 * then `runs` rounds of every variant in turn — A B A B … — so that drift on
 * a noisy machine hits all of them alike. Returns the timed runs per variant,
 * in the variants' order.
 *
 * @example
 *   declare const plain: Variant, parlance: Variant
 *   const [plainRuns, parlanceRuns] = await measureInterleaved([plain, parlance], 5)
 *   plainRuns?.length // 5
 */
export async function measureInterleaved(variants: readonly Variant[], runs: number): Promise<TimedRun[][]> {
  for (const variant of variants) await variant.run()
  const measured: TimedRun[][] = variants.map(() => [])
  for (let round = 1; round <= runs; round++) {
    for (const [index, variant] of variants.entries()) {
      showProgress(`  ${variant.label}: run ${round}/${runs}`)
      measured[index]!.push(await variant.run())
    }
  }
  showProgress('')
  return measured
}

// Progress is for a person watching; a captured run's output stays the report alone.
function showProgress(line: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${line}`)
}
