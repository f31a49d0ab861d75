import { World, type IWorldOptions } from '@cucumber/cucumber'
import type { Attach, DriverContext } from '../../../drivers/core/driver-context.ts'
import { ConfigurationError } from '../../../drivers/core/errors/configuration-error.ts'
import { maskSecrets } from '../../../drivers/core/mask-secrets.ts'
import { AliasTable, currentRunId } from '../aliases/index.ts'
import { defaultStepTimeoutMs, runnerEnvName, stepTimeoutEnvName } from './runner-env.ts'
import { ScenarioResources } from './scenario-resources.ts'
import { StepTimer } from './step-timer.ts'

/**
 * The channel when neither the runner nor cucumber's worldParameters chose
 * one (plain `npx cucumber-js`): each domain then runs on its first channel,
 * or a scenario on the first channel its `@channel:` tags name.
 */
export const unchosenChannel = ''

/**
 * The scenario context: everything scenario-scoped — aliases, driver sessions,
 * the log, attachments — lives here, created afresh for every scenario.
 *
 * @example
 *   import { When } from '@cucumber/cucumber'
 *   import { settlement } from '../../settlement/index.ts'
 *   When('Alice backs {string}', function (this: ParlanceWorld, runner: string) {
 *     this.aliases.alias('Alice') // 'alice-r7k2-x9q2bz'
 *     return this.use(settlement).betting.placeBet({ punter: 'Alice', runner })
 *   })
 */
export class ParlanceWorld<Parameters = Record<string, unknown>> extends World<Parameters> {
  /**
   * The channel of this run, from `PARLANCE_CHANNEL` (set by `parlance run`)
   * or the `channel` world parameter; `unchosenChannel` when neither is set.
   */
  channel: string
  /** This scenario's names: spec name → real name. */
  readonly aliases: AliasTable
  /** The Gherkin step now running, for error context. */
  currentStep: string | undefined
  /** What drivers get: the report, cleanup and addresses, never the World itself. */
  readonly driverContext: DriverContext
  readonly resources = new ScenarioResources()
  /** Times each step against the channel's limit, less its set-up. */
  readonly stepTimer = new StepTimer()
  /** How long one step may take on this channel: `PARLANCE_STEP_TIMEOUT_MS`, set by `parlance run` from the config. */
  readonly stepTimeoutMs: number
  private readonly domains = new Map<(world: ParlanceWorld) => unknown, unknown>()
  private readonly logLines: string[] = []
  private scenarioSteps: readonly { readonly text: string }[] = []
  private stepsStarted = 0

  constructor(options: IWorldOptions<Parameters>) {
    super(options)
    this.channel = process.env.PARLANCE_CHANNEL || channelParameter(options.parameters) || unchosenChannel
    this.aliases = new AliasTable({ runId: currentRunId() })
    this.stepTimeoutMs = readStepTimeout()
    this.driverContext = this.makeDriverContext()
  }

  /**
   * The scenario's instance of a domain's DSL, made on first use.
   *
   * @example
   *   import { settlement } from '../../settlement/index.ts' // (world) => new SettlementDsl(world, deps)
   *   declare const world: ParlanceWorld
   *   await world.use(settlement).betting.placeBet({ punter: 'Alice', runner: 'Red Rum' })
   */
  use<T>(makeDomain: (world: ParlanceWorld) => T): T {
    let domain = this.domains.get(makeDomain)
    if (domain === undefined) {
      domain = makeDomain(this as ParlanceWorld)
      this.domains.set(makeDomain, domain)
    }
    return domain as T
  }

  /**
   * Called by installParlance's Before hook with the scenario's steps, in the
   * order cucumber runs them, so that {@link ParlanceWorld.noteStepOrHook} can name each.
   *
   * @example
   *   declare const world: ParlanceWorld
   *   world.beginScenario([{ text: 'Alice places her bet' }])
   */
  beginScenario(steps: readonly { readonly text: string }[]): void {
    this.scenarioSteps = steps
    this.stepsStarted = 0
  }

  /**
   * Called by wrapStep before each step or hook of the scenario runs, with its
   * first argument: a hook's (cucumber's hook parameter) names the step of a
   * BeforeStep or AfterStep hook and no step otherwise; a step is the next of
   * the scenario's steps (cucumber runs them in order and stops at the first
   * that does not pass).
   *
   * @example
   *   declare const world: ParlanceWorld
   *   world.beginScenario([{ text: 'Alice places her bet' }])
   *   world.noteStepOrHook('£5') // a step's argument
   *   world.currentStep // 'Alice places her bet'
   */
  noteStepOrHook(firstArgument: unknown): void {
    if (isHookParameter(firstArgument)) {
      this.currentStep = firstArgument.pickleStep?.text
      return
    }
    const step = this.scenarioSteps[this.stepsStarted++]
    if (step !== undefined) this.currentStep = step.text
  }

  /** The lines drivers logged in this scenario. */
  get loggedLines(): readonly string[] {
    return this.logLines
  }

  private makeDriverContext(): DriverContext {
    // Whatever a driver attaches as text or logs is shown in reports: its secrets are masked here, whoever made it.
    const attach: Attach = (data, mediaType, fileName) =>
      typeof data === 'string'
        ? this.attach(isText(mediaType) ? maskSecrets(data) : data, { mediaType, ...(fileName ? { fileName } : {}) })
        : this.attach(data, { mediaType, ...(fileName ? { fileName } : {}) })
    const world = this
    return {
      get channel() {
        return world.channel
      },
      attach,
      log: (line) => {
        this.logLines.push(maskSecrets(line))
      },
      track: (resource) => this.resources.track(resource),
      systemUrl: (envName) => readSystemUrl(envName),
      dealias: (text) => this.aliases.dealias(text),
      setUp: (what, work) => this.stepTimer.setUp(what, work),
    }
  }
}

// What cucumber passes a Before, After, BeforeStep or AfterStep hook; a step gets its Gherkin arguments.
function isHookParameter(value: unknown): value is { pickleStep?: { text: string } } {
  return typeof value === 'object' && value !== null && 'testCaseStartedId' in value && 'pickle' in value
}

function isText(mediaType: string): boolean {
  return /^text\/|[/+](json|xml)\b/i.test(mediaType)
}

// Plain `npx cucumber-js` passes the channel as a world parameter (cucumber.js, or --world-parameters).
function channelParameter(parameters: unknown): string | undefined {
  const channel = (parameters as { channel?: unknown } | undefined)?.channel
  return typeof channel === 'string' && channel !== '' ? channel : undefined
}

function readStepTimeout(): number {
  const value = process.env[stepTimeoutEnvName]
  if (value === undefined || value === '') return defaultStepTimeoutMs
  if (/^[1-9]\d*$/.test(value)) return Number(value)
  const where = process.env[runnerEnvName]
    ? 'parlance run set it from channels.NAME.stepTimeout'
    : 'set it in the environment'
  throw new ConfigurationError(
    `${stepTimeoutEnvName} is "${value}"; expected whole milliseconds ≥ 1, e.g. 30000 (${where})`,
  )
}

/**
 * A system's address from the environment, or a configuration error that says
 * how to provide it.
 *
 * @example
 *   readSystemUrl('SETTLEMENT_URL') // 'http://127.0.0.1:40123'
 */
export function readSystemUrl(envName: string): string {
  const value = process.env[envName]
  if (!value) {
    throw new ConfigurationError(
      `${envName} is not set: run the specs with "parlance run", which starts the systems and sets it, ` +
        `or set ${envName} to the address of a deployed system`,
    )
  }
  return value
}
