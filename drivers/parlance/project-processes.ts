import { existsSync, readFileSync, readlinkSync } from 'node:fs'
import { join } from 'node:path'
import { isGroupAlive, isProcessAlive, signalGroup, waitUntil } from '../core/process-group.ts'

// A process may take a moment to be gone after the runner that stopped it has exited.
const defaultGraceMs = 3_000

/**
 * The processes of one generated project: the runners started for it (each
 * in its own process group), the system's starts and the processes that ran
 * scenarios, as the project recorded them in its state directory.
 *
 * @example
 *   const processes = new ProjectProcesses('/tmp/parlance-project-x1', '/tmp/parlance-project-x1/state')
 *   processes.addRunner(4120) // a parlance run's pid
 *   await processes.leftovers() // []
 */
export class ProjectProcesses {
  private readonly runners: number[] = []
  private readonly spared = new Set<number>()

  constructor(
    private readonly projectDir: string,
    private readonly stateDir: string,
    private readonly graceMs = defaultGraceMs,
  ) {}

  /** A runner (a `parlance` command) started for the project; its group holds whatever it forked. */
  addRunner(pid: number): void {
    this.runners.push(pid)
  }

  /** A process meant to outlive the runs (a deployed system): not counted as left behind. */
  spare(pid: number): void {
    this.spared.add(pid)
  }

  /** The pid of every start of the project's system. */
  systemPids(): number[] {
    return this.recorded('system-starts.log')
  }

  /**
   * What is still running once the runs are over, after a moment's grace,
   * each described for a person; zombies do not count.
   *
   * @example
   *   declare const processes: ProjectProcesses
   *   await processes.leftovers() // ['the system (pid 4188)', 'a process of the runner 4120 (its process group)']
   */
  async leftovers(): Promise<string[]> {
    const list = (): string[] => [
      ...this.alive(this.systemPids()).map((pid) => `the system (pid ${pid})`),
      ...this.alive(this.recorded('workers.log')).map((pid) => `a process that ran scenarios (pid ${pid})`),
      ...this.runners
        .filter((pgid) => isGroupAlive(pgid))
        .map((pgid) => `a process of the runner ${pgid} (its process group)`),
    ]
    await waitUntil(() => list().length === 0, this.graceMs)
    return [...new Set(list())]
  }

  /** Kills whatever of the project is still running (the spared too), checking a pid is still the project's first. */
  killAll(): void {
    for (const pgid of this.runners) if (isGroupAlive(pgid)) signalGroup(pgid, 'SIGKILL')
    for (const pid of [...this.systemPids(), ...this.recorded('workers.log')]) {
      if (isProcessAlive(pid) && this.belongsToProject(pid)) process.kill(pid, 'SIGKILL')
    }
  }

  private alive(pids: readonly number[]): number[] {
    return [...new Set(pids)].filter(
      (pid) => !this.spared.has(pid) && isProcessAlive(pid) && this.belongsToProject(pid),
    )
  }

  private recorded(file: string): number[] {
    const path = join(this.stateDir, file)
    if (!existsSync(path)) return []
    return readFileSync(path, 'utf8').split('\n').filter(Boolean).map(Number)
  }

  // A pid can be reused once its process is gone: only kill what still works in the project's directory.
  private belongsToProject(pid: number): boolean {
    if (process.platform !== 'linux') return true
    try {
      return readlinkSync(`/proc/${pid}/cwd`).startsWith(this.projectDir)
    } catch {
      return false
    }
  }
}
