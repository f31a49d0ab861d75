// Renders dod.html of a real run in Chromium and saves the top of the page for the docs:
//   npm run acceptance    # writes reports/
//   node --import ./runner/register.mjs runner/gate/dod-html-screenshot.ts [RESULTS...] [--out FILE] [--height PX]
// RESULTS default to the config's reports directory; FILE to docs/images/dod-html.png. The gate judges the run as
// `parlance run` does (the config's domains and gate.required); dod.html goes to a temporary directory.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright'
import { chromiumArgs } from '../../drivers/core/browser-pool.ts'
import { findChromium } from '../../drivers/core/chromium-path.ts'
import { buildChannelRun, findMessageFiles, readMessageFile } from '../../drivers/core/run-model/index.ts'
import { sectionsOfRuns } from '../config/domain-sections.ts'
import { loadConfig } from '../config/load-config.ts'
import { judge } from './judge.ts'
import { writeDodHtml } from './write-dod-html.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string' }, height: { type: 'string' } },
})
const { config, root } = await loadConfig(undefined, process.cwd())
const inputs = positionals.length > 0 ? positionals : [resolve(root, config.reports ?? 'reports')]
const runs = await Promise.all(
  findMessageFiles(inputs).map(async (file) => buildChannelRun(await readMessageFile(file))),
)
if (runs.length === 0) throw new Error(`No cucumber messages in ${inputs.join(', ')}: run npm run acceptance first.`)
const domains = sectionsOfRuns(config.domains, runs)
const verdict = judge(runs, { domains, ...(config.gate ? { config: config.gate } : {}) })
const dir = mkdtempSync(join(tmpdir(), 'parlance-dod-html-'))
const out = resolve(values.out ?? join(root, 'docs/images/dod-html.png'))
const browser = await chromium.launch({ executablePath: (await findChromium()).path, args: [...chromiumArgs] })
try {
  await writeDodHtml(join(dir, 'dod.html'), verdict, (text) => text)
  const page = await browser.newPage({ viewport: { width: 1100, height: Number(values.height ?? 1300) } })
  await page.goto(pathToFileURL(join(dir, 'dod.html')).href)
  await page.screenshot({ path: out })
  process.stdout.write(`${out}: dod.html of ${runs.length} channel runs, ${verdict.green ? 'GREEN' : 'RED'}\n`)
} finally {
  await browser.close()
  rmSync(dir, { recursive: true, force: true })
}
