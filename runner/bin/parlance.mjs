#!/usr/bin/env node
// The `parlance` command. Registers tsx so the CLI, the config file and the
// support code can be TypeScript, then hands over to runner/cli.ts.
import { register } from 'tsx/esm/api'

register()

// First of all: a reader that stops early (`parlance gate | head`) must end the command quietly, not with an EPIPE
// stack trace, whatever command writes.
const { guardOutput } = await import('../command/closed-output.ts')
guardOutput()
const { main } = await import('../cli.ts')
const code = await main(process.argv.slice(2))
process.exitCode = code
// Something the specs left open (a socket, a timer) must not keep the run from ending.
setTimeout(() => process.exit(code), 2_000).unref()
