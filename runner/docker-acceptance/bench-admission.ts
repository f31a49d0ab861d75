// `npm run bench:lb-admission [-- --runs 20]`: how soon a new replica gets its first request once its app listens,
// on a real Docker daemon of the run's own (issue 14, item 1; docs/examples/load-balancer.md). The daemon, the
// images and the load balancer are acceptance:docker's, and are removed again here.
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { parseAdmissionArgs, runAdmissionBench } from './admission-bench.ts'

const say = (line: string): void => void process.stdout.write(`${line}\n`)
let runs: number | undefined
try {
  runs = parseAdmissionArgs(process.argv.slice(2)).runs
} catch (error) {
  if (!(error instanceof ConfigurationError)) throw error
  say(error.message)
  process.exitCode = 2
}
if (runs !== undefined) {
  const code = await runAdmissionBench({ runs, cwd: process.cwd(), env: process.env, say })
  process.exitCode = process.exitCode || code
}
// A handle left open must not keep it from ending.
setTimeout(() => process.exit(process.exitCode), 2_000).unref()
