import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DriverContext, ScenarioEnd } from '../core/driver-context.ts'
import { ConfigurationError } from '../core/errors/configuration-error.ts'
import { SystemCompromisedError } from '../core/errors/system-compromised-error.ts'
import { superviseProcess, type SupervisedProcess } from '../core/process-supervisor.ts'
import { Duration } from '../core/values/duration.ts'
import type { ParlanceDriver, SuiteRunOptions, SystemRecord } from './parlance-driver.ts'
import { ProjectProcesses } from './project-processes.ts'
import type { ProjectModel } from './project-model.ts'
import { readPrintedTable, readSystemDeaths, readSystemStartFailure, readVerdict } from './read-printed-summary.ts'
import { readReports } from './read-reports.ts'
import { runParlanceCli, type CliExit } from './run-parlance-cli.ts'
import type { SuiteRun } from './suite-run.ts'
import { stateDirName, writeProject } from './write-project.ts'

/**
 * How long one `parlance run` of a generated project may take before it is
 * killed: a cold start is about a second, two channels on two workers about three.
 *
 * @example
 *   const exit = await runParlanceCli(['run'], {
 *     cwd: '/tmp/parlance-project-x1',
 *     env: process.env,
 *     timeoutMs: cliRunTimeoutMs,
 *   })
 *   exit.timedOut // true if it was killed after 30 s
 */
export const cliRunTimeoutMs = 30_000

/**
 * The parlance domain's `cli` driver: writes the generated project into a
 * temporary directory and runs the real `parlance` command there, as a child
 * process, never importing it. It removes the directory and kills anything
 * the project left running when the scenario ends, and attaches what each
 * run printed to a failed scenario.
 *
 * @example
 *   declare const ctx: DriverContext, project: ProjectModel
 *   const driver = new CliParlanceDriver(ctx)
 *   const run = await driver.runSuite(project, { workers: 2, againstDeployed: false }) // run.exitCode === 0
 */
export class CliParlanceDriver implements ParlanceDriver {
  private readonly dir = mkdtempSync(join(tmpdir(), 'parlance-project-'))
  private readonly processes = new ProjectProcesses(this.dir, join(this.dir, stateDirName))
  private readonly runs: { command: string; exit: CliExit }[] = []
  private deployed: { system: SupervisedProcess; address: string } | undefined

  constructor(private readonly ctx: DriverContext) {
    ctx.track({ dispose: (end) => this.dispose(end) })
  }

  async deploySystem(project: ProjectModel): Promise<void> {
    if (this.deployed)
      throw new ConfigurationError(
        `deploySystem: the project's system is already deployed at ${this.deployed.address}; deploy it once ` +
          `per scenario`,
      )
    writeProject(this.dir, project)
    const system = superviseProcess({
      name: 'ledger',
      command: process.execPath,
      args: ['system/ledger.mjs'],
      cwd: this.dir,
      ready: { log: /listening on (http:\/\/\S+)/ },
      readyTimeoutMs: 10_000,
      stopTimeoutMs: 2_000,
    })
    const { address = '', pid } = await system.start()
    this.processes.spare(pid)
    this.deployed = { system, address }
    this.ctx.log(`deployed the ledger at ${address} (pid ${pid})`)
  }

  async runSuite(project: ProjectModel, options: SuiteRunOptions): Promise<SuiteRun> {
    if (options.againstDeployed && !this.deployed) {
      throw new ConfigurationError(
        "runSuite: asked to test the deployed system, but none is deployed; deploy the project's system first " +
          '(deploySystem)',
      )
    }
    writeProject(this.dir, project)
    const number = this.runs.length + 1
    const reports = join('reports', `run-${number}`)
    const args = [
      'run',
      '--parallel',
      String(options.workers),
      '--reports',
      reports,
      ...(options.againstDeployed ? ['--env', 'remote'] : []),
    ]
    const command = `parlance ${args.join(' ')}`
    this.ctx.log(
      `run ${number}: ` +
        `${command}${this.deployed && options.againstDeployed ? ` with LEDGER_URL=${this.deployed.address}` : ''}`,
    )
    const exit = await runParlanceCli(args, {
      cwd: this.dir,
      env: this.environment(options.againstDeployed),
      timeoutMs: cliRunTimeoutMs,
    })
    this.processes.addRunner(exit.pid)
    this.runs.push({ command, exit })
    const output = [exit.stdout, exit.stderr].filter(Boolean).join('\n')
    if (exit.timedOut) {
      const tail = output.split('\n').slice(-30).join('\n')
      throw new SystemCompromisedError(
        `${command} did not finish within ${Duration.ms(cliRunTimeoutMs)}, so it was killed. The last lines it ` +
          `printed:\n${tail}`,
      )
    }
    // parlance run writes each domain's channel to <reports>/<domain>/<channel>/; the project's one domain is ledger.
    const reportsDir = join(this.dir, reports, 'ledger')
    return {
      number,
      channels: project.channels,
      ranOn: project.channels.filter((channel) => existsSync(join(reportsDir, channel, 'messages.ndjson'))),
      exitCode: exit.code,
      verdict: readVerdict(exit.stdout),
      results: readReports(reportsDir, project.channels),
      printed: readPrintedTable(exit.stdout),
      systemStartFailure: readSystemStartFailure(exit.stderr),
      systemDeaths: readSystemDeaths(exit.stdout),
      output,
    }
  }

  async systemRecord(): Promise<SystemRecord> {
    const requests = this.stateLines('requests.log').map((line) => line.split(' '))
    // The ledger logs the path segment as sent, URL-encoded: the name it was given is the decoded one.
    const customers = requests.flatMap(([, kind, name]) =>
      kind === 'accounts' && name ? [decodeURIComponent(name)] : [],
    )
    return { starts: this.processes.systemPids().length, requests: requests.length, customers: [...new Set(customers)] }
  }

  leftoverProcesses(): Promise<string[]> {
    return this.processes.leftovers()
  }

  /** The runner's environment: this run's own settings (run id, channel, addresses) are not the project's. */
  private environment(againstDeployed: boolean): NodeJS.ProcessEnv {
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith('PARLANCE_') && name !== 'LEDGER_URL'),
    )
    return againstDeployed && this.deployed ? { ...env, LEDGER_URL: this.deployed.address } : env
  }

  private stateLines(file: string): string[] {
    const path = join(this.dir, stateDirName, file)
    return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : []
  }

  private async dispose({ failed, attach }: ScenarioEnd): Promise<void> {
    try {
      if (failed) {
        const feature = join(this.dir, 'features', 'ledger.feature')
        if (existsSync(feature)) await attach(readFileSync(feature, 'utf8'), 'text/plain', 'ledger.feature')
        for (const [i, { command, exit }] of this.runs.entries()) {
          const how = exit.timedOut
            ? 'killed: too slow'
            : exit.signal
              ? `killed by ${exit.signal}`
              : `exit code ${exit.code}`
          await attach(
            `$ ${command}  (${how})\n${exit.stdout}${exit.stderr ? `\n--- stderr ---\n${exit.stderr}` : ''}`,
            'text/plain',
            `parlance-run-${i + 1}.txt`,
          )
        }
      }
    } finally {
      try {
        await this.deployed?.system.stop()
      } finally {
        this.processes.killAll()
        rmSync(this.dir, { recursive: true, force: true })
      }
    }
  }
}
