// `npm run bench:lb`: the load balancer's throughput against the same backends
// direct and through nginx, then a rolling replace under steady load.
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createDockerDaemon, type BackendCommand } from '../../../drivers/load-balancer/docker-daemon/index.ts'
import { figuresHeader, figuresLine, ratioLine } from './load-figures.ts'
import { rollingReplace } from './rolling-replace.ts'
import { rollingLines } from './rolling-report.ts'
import { startLoadBalancer, type RunningLoadBalancer } from './start-load-balancer.ts'
import { NGINX_PATH, startNginx } from './start-nginx.ts'
import { Teardown } from './teardown.ts'
import { burstLines, sendUnknownHostBurst } from './unknown-host-burst.ts'
import { measureThroughput, type Target } from './throughput.ts'
import { waitFor } from './wait-for.ts'

const help = `Usage: npm run bench:lb -- [options]

1. Throughput: two replicas of a small keep-alive node:http backend, run as
   containers by the Docker daemon emulator, loaded with autocannon direct
   (one replica), through the load balancer (one process) and through nginx
   (one worker, keepalive upstream) when ${NGINX_PATH} exists. Interleaved
   rounds, medians printed. Goal: LB req/s ≥ 0.6 × nginx, zero non-2xx.
2. Rolling replace: three replicas replaced one by one (new one healthy in
   /_lb/status, then docker stop of the old one) under a steady load through
   the load balancer. Goal: zero failed requests.
3. Unknown hosts: 20,000 requests, each with a distinct Host no service has
   (2,000 with --quick); the load balancer's RSS and /_lb/metrics size before
   and after. Goal: both flat (unbounded, RSS grew 103 MB and metrics 5 MB).

Options:
  --quick      short runs, one round: a smoke test
  --cpu-prof   write a V8 CPU profile of the load balancer (path printed)
  -h, --help   show this help`

const full = { rounds: 3, seconds: 10, warmupSeconds: 2, connections: 32, budgetMs: 300_000, unknownHosts: 20_000 }
const quick = { rounds: 1, seconds: 2, warmupSeconds: 1, connections: 32, budgetMs: 90_000, unknownHosts: 2_000 }
const goalRatio = 0.6
const rolling = { rate: 300, connections: 10, settleMs: 1_000, updateDelayMs: 1_000, stepTimeoutMs: 10_000 }
const backend: BackendCommand = {
  command: process.execPath,
  args: [fileURLToPath(new URL('./backend.mjs', import.meta.url))],
}

async function main(): Promise<number> {
  let values
  try {
    ;({ values } = parseArgs({
      options: { quick: { type: 'boolean' }, 'cpu-prof': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }))
  } catch (error) {
    console.error(`bench:lb: ${(error as Error).message}; run npm run bench:lb -- --help for the options`)
    return 2
  }
  if (values.help) {
    console.log(help)
    return 0
  }
  const settings = values.quick ? quick : full
  const teardown = new Teardown()
  const stopAll = async (): Promise<void> => {
    for (const problem of await teardown.run()) console.error(`bench:lb: ${problem}`)
  }
  process.once('SIGINT', () => {
    console.error('bench:lb: interrupted; stopping everything it started')
    void stopAll().finally(() => process.exit(130))
  })
  const budget = setTimeout(() => {
    console.error(
      `bench:lb: still running after ${settings.budgetMs / 1000} s, over its time budget; stopping everything`,
    )
    void stopAll().finally(() => process.exit(1))
  }, settings.budgetMs)
  try {
    await run(settings, values['cpu-prof'] === true, teardown)
    return 0
  } finally {
    clearTimeout(budget)
    await stopAll()
  }
}

async function run(settings: typeof full, cpuProf: boolean, teardown: Teardown): Promise<void> {
  const cpu = cpus()
  console.log(
    `Load balancer benchmark${settings === quick ? ' (--quick)' : ''}: ${cpu.length} × ` +
      `${cpu[0]?.model.trim()}, node ${process.version}`,
  )
  console.log(`  ${loadLine()}`)
  console.log(
    `  ${settings.connections} connections, ${settings.seconds} s per run, ${settings.rounds} interleaved ` +
      `round(s) after a ${settings.warmupSeconds} s warm-up each; load from autocannon in this process`,
  )
  const dir = mkdtempSync(join(tmpdir(), 'lb-bench-'))
  teardown.add(`the temporary directory ${dir}`, async () => rmSync(dir, { recursive: true, force: true }))
  const daemon = await createDockerDaemon({ socketPath: join(dir, 'docker.sock') })
  teardown.add('the Docker daemon emulator and its containers', () => daemon.close())
  const profileDir = join(tmpdir(), `lb-bench-profile-${process.pid}`)
  const lb = await startLoadBalancer(
    `unix://${daemon.socketPath}`,
    cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  )
  teardown.add('the load balancer', async () => {
    await lb.child.stop(5_000)
    if (cpuProf) console.log(`load balancer CPU profile: ${profileDir}/`)
  })

  console.log('\n1. Throughput')
  const shop = 'shop.bench'
  const shopReplicas = await Promise.all(
    ['shop-1', 'shop-2'].map((name) =>
      daemon.runContainer({ name, labels: { 'lb.host': shop }, publish: true, backend }),
    ),
  )
  await untilListed(lb, shop, shopReplicas.length)
  const targets: Target[] = [
    { label: 'direct to shop-1', url: `http://127.0.0.1:${shopReplicas[0]!.hostPort}/`, pids: [shopReplicas[0]!.pid!] },
    { label: 'load balancer (1 proc)', url: `${lb.proxyUrl}/`, host: shop, pids: [lb.child.process.pid!] },
  ]
  const nginx = await startNginx(
    dir,
    shopReplicas.map((replica) => ({ host: '127.0.0.1', port: replica.hostPort })),
  )
  if (nginx !== undefined) {
    teardown.add('nginx', () => nginx.child.stop())
    console.log(`  ${nginx.version}: worker_processes 1 (the LB is 1 process), keepalive to the upstream`)
    targets.push({ label: 'nginx (1 worker)', url: `${nginx.url}/`, host: shop, pids: [nginx.child.process.pid!] })
  }
  const figures = await measureThroughput({ ...settings, targets, log: (line) => console.log(line) })
  console.log(
    `\nMedians over ${settings.rounds} round(s); non-2xx and errors summed over all rounds; CPU µs/req is the`,
  )
  console.log(
    'CPU time of the process serving the target (the backend direct, else the proxy alone) per answered request:',
  )
  console.log(`  ${figuresHeader()}`)
  for (const target of targets) console.log(`  ${figuresLine(target.label, figures.get(target.label)!)}`)
  const lbFigures = figures.get('load balancer (1 proc)')!
  const nginxFigures = figures.get('nginx (1 worker)')
  console.log(
    nginxFigures === undefined
      ? 'nginx: not installed (apt-get install -y nginx) — no comparison'
      : ratioLine(lbFigures, nginxFigures, goalRatio),
  )
  console.log(loadLine())
  if (nginx !== undefined) await nginx.child.stop()
  await Promise.all(shopReplicas.map((replica) => daemon.stop(replica.id)))

  console.log('\n2. Rolling replace')
  const web = 'web.bench'
  const replace = [1, 2, 3].map((n) => ({ old: `web-${n}`, replacement: `web-v2-${n}` }))
  await Promise.all(
    replace.map(({ old }) => daemon.runContainer({ name: old, labels: { 'lb.host': web }, publish: true, backend })),
  )
  await untilListed(lb, web, replace.length)
  const rolled = await rollingReplace({ daemon, lb, host: web, backend, replace, ...rolling })
  for (const line of rollingLines(rolled)) console.log(line)

  console.log('\n3. Unknown hosts')
  const target = { proxyUrl: lb.proxyUrl, adminUrl: lb.adminUrl, pid: lb.child.process.pid! }
  const burst = await sendUnknownHostBurst(target, settings.unknownHosts, settings.connections)
  for (const line of burstLines(burst)) console.log(line)
}

// Other processes on the machine take cores from every target alike, but make the figures noisy: say so.
function loadLine(): string {
  const [oneMinute = 0] = loadavg()
  const busy =
    oneMinute > cpus().length ? ` — above ${cpus().length} cores: other processes compete, the figures are noisy` : ''
  return `load average (1 min): ${oneMinute.toFixed(2)}${busy}`
}

function untilListed(lb: RunningLoadBalancer, host: string, count: number): Promise<true> {
  return waitFor(
    `${count} healthy replicas of ${host} in ${lb.adminUrl}/_lb/status`,
    async () => {
      const healthy = (await lb.replicas(host)).filter((replica) => replica.healthy && !replica.draining)
      return healthy.length === count ? true : undefined
    },
    10_000,
  )
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench:lb: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  },
)
