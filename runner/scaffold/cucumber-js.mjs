#!/usr/bin/env node
// Plain cucumber-js, Parlance's own copy: the one its runner and a project's 'parlance/cucumber' steps share, for a
// project that has Parlance but not @cucumber/cucumber. A scaffolded project runs it as `npm run cucumber`.
import { createRequire } from 'node:module'

createRequire(import.meta.url)('@cucumber/cucumber/lib/cli/run').default()
