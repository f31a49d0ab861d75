// `npm run acceptance:docker`: every load-balancer spec against a real Docker daemon of the run's own,
// started, fed the offline images and removed again here (docs/examples/load-balancer.md). Arguments after
// `--` go to `parlance run`, e.g. `npm run acceptance:docker -- --name crash`.
import { runDockerAcceptance } from './docker-acceptance.ts'

const say = (line: string): void => void process.stdout.write(`${line}\n`)
const code = await runDockerAcceptance({ cwd: process.cwd(), env: process.env, say, runArgs: process.argv.slice(2) })
process.exitCode = process.exitCode || code
// A handle left open must not keep it from ending.
setTimeout(() => process.exit(process.exitCode), 2_000).unref()
