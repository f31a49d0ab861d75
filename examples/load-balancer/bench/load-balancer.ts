// `npm run bench:lb`: the load balancer's throughput against the same backends
// direct and through nginx, then a rolling replace under steady load.
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createDockerDaemon, type BackendCommand } from '../../../drivers/load-balancer/docker-daemon/index.ts'
import { cpuRatioLine, figuresHeader, figuresLine, ratioLine } from './load-figures.ts'
import { rollingReplace } from './rolling-replace.ts'
import { rollingLines } from './rolling-report.ts'
import { startBareRelay } from './start-bare-relay.ts'
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
   (one worker, keepalive upstream) when ${NGINX_PATH} exists; then the
   load balancer's two-process mode (--workers 2) and nginx with two workers;
   and a bare node:http + undici relay, the floor of any Node proxy.
   Interleaved rounds, medians printed. Goals: LB req/s ≥ 0.6 × nginx, CPU
   per request ≤ 2 × nginx's, zero non-2xx.
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

const full = { rounds: 3, seconds: 10, warmupSeconds: 2, connections: 32, budgetMs: 480_000, unknownHosts: 20_000 }
const quick = { rounds: 1, seconds: 2, warmupSeconds: 1, connections: 32, budgetMs: 90_000, unknownHosts: 2_000 }
const goalRatio = 0.6
const goalCpuRatio = 2
const LB_1 = 'load balancer (1 proc)'
const LB_2 = 'load balancer (2 procs)'
const RELAY = 'bare relay (floor)'
const NGINX_1 = 'nginx (1 worker)'
const NGINX_2 = 'nginx (2 workers)'
// What limits the CPU figure, measured with --cpu-prof: see docs/examples/load-balancer.md "Performance".
const limitsNote =
  "What limits CPU per request: Node's HTTP stack itself, which the bare relay's line shows (node:http in,\n" +
  "undici out, nothing else); the load balancer's own work (Host check, X-Forwarded-*, balancing, in-flight\n" +
  'counts, metrics, the headers timeout) is the rest. On 2 cores the load generator, the backends and the\n' +
  'proxies share the cores: a second process adds IPC and scheduling, and no core of its own.'
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
  const backends = shopReplicas.map((replica) => ({ host: '127.0.0.1', port: replica.hostPort }))
  const targets: Target[] = [
    { label: 'direct to shop-1', url: `http://127.0.0.1:${shopReplicas[0]!.hostPort}/`, pids: [shopReplicas[0]!.pid!] },
    { label: LB_1, url: `${lb.proxyUrl}/`, host: shop, pids: [lb.child.process.pid!] },
  ]
  const relay = await startBareRelay(backends.map(({ host, port }) => `${host}:${port}`))
  teardown.add('the bare relay', () => relay.child.stop())
  targets.push({ label: RELAY, url: `${relay.url}/`, host: shop, pids: [relay.child.process.pid!] })
  // The two-process mode: a primary (discovery, admin) and two proxy workers, whose CPU counts as its children's.
  const lb2 = await startLoadBalancer(`unix://${daemon.socketPath}`, [], 15_000, ['--workers', '2'])
  teardown.add('the two-process load balancer', () => lb2.child.stop(5_000))
  await untilListed(lb2, shop, shopReplicas.length)
  targets.push({ label: LB_2, url: `${lb2.proxyUrl}/`, host: shop, pids: [lb2.child.process.pid!] })
  const nginx1 = await startNginx(join(dir, 'nginx-1'), backends, 1)
  const nginx2 = nginx1 && (await startNginx(join(dir, 'nginx-2'), backends, 2))
  if (nginx1 !== undefined && nginx2 !== undefined) {
    teardown.add('nginx', () => nginx1.child.stop())
    teardown.add('nginx with two workers', () => nginx2.child.stop())
    console.log(`  ${nginx1.version}, keepalive to the upstream: worker_processes 1 and 2, as the LB's 1 and 2`)
    targets.push({ label: NGINX_1, url: `${nginx1.url}/`, host: shop, pids: [nginx1.child.process.pid!] })
    targets.push({ label: NGINX_2, url: `${nginx2.url}/`, host: shop, pids: [nginx2.child.process.pid!] })
  }
  console.log(`  the bare relay: node:http + an undici Pool, nothing else (the floor of a Node proxy)`)
  const figures = await measureThroughput({ ...settings, targets, log: (line) => console.log(line) })
  console.log(
    `\nMedians over ${settings.rounds} round(s); non-2xx and errors summed over all rounds; CPU µs/req is the`,
  )
  console.log(
    'CPU time of the process serving the target (the backend direct, else the proxy alone) per answered request:',
  )
  console.log(`  ${figuresHeader()}`)
  for (const target of targets) console.log(`  ${figuresLine(target.label, figures.get(target.label)!)}`)
  const got = (label: string) => figures.get(label)
  if (nginx1 === undefined) console.log('nginx: not installed (apt-get install -y nginx) — no comparison')
  else {
    console.log(ratioLine(got(LB_1)!, got(NGINX_1)!, goalRatio, 'LB 1 proc / nginx 1 worker'))
    console.log(cpuRatioLine(got(LB_1)!, got(NGINX_1)!, goalCpuRatio, 'LB 1 proc / nginx 1 worker'))
    console.log(ratioLine(got(LB_2)!, got(NGINX_2)!, goalRatio, 'LB 2 procs / nginx 2 workers'))
    console.log(cpuRatioLine(got(LB_2)!, got(NGINX_2)!, goalCpuRatio, 'LB 2 procs / nginx 2 workers'))
    console.log(cpuRatioLine(got(RELAY)!, got(NGINX_1)!, goalCpuRatio, 'bare relay / nginx 1 worker'))
  }
  console.log(loadLine())
  console.log(limitsNote)
  await relay.child.stop()
  await lb2.child.stop(5_000)
  if (nginx1 !== undefined) await nginx1.child.stop()
  if (nginx2 !== undefined) await nginx2.child.stop()
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
