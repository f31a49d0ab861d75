// The drivers layer's public entry: what step glue, the DSL, drivers and the runner may use.
export { type Outcome, outcomeLabels } from './core/errors/outcome.ts'
export { ParlanceError, type ErrorContext, type ParlanceErrorOptions } from './core/errors/parlance-error.ts'
export { AssertionFailedError } from './core/errors/assertion-failed-error.ts'
export { SystemCompromisedError } from './core/errors/system-compromised-error.ts'
export { ConfigurationError } from './core/errors/configuration-error.ts'
export { NotApplicableError } from './core/errors/not-applicable-error.ts'
export { NotRunError } from './core/errors/not-run-error.ts'
export { StepTimedOutError } from './core/errors/step-timed-out-error.ts'

export type { AliasedName } from './core/aliased-name.ts'
export { ChannelSet, defineChannels, type DriverFactory } from './core/channels.ts'
export type { Attach, DriverContext, ScenarioEnd, ScenarioResource } from './core/driver-context.ts'
export { editDistance, nearest } from './core/nearest.ts'
export { closeWorkerResources, registerWorkerResource, type CloseWorkerResource } from './core/worker-resources.ts'

export { Decimal, Duration, FractionalOdds, Money, Odds, StartingPrice, ValueFormatError } from './core/values/index.ts'
export { toMilliseconds, type DurationInput } from './core/duration-input.ts'
export { eventually, type EventuallyOptions } from './core/eventually.ts'

export {
  HttpClient,
  type HttpClientOptions,
  type HttpMethod,
  type HttpRequestOptions,
  type HttpResponse,
} from './core/http-client.ts'
export { HttpExchangeLog, type HttpExchange } from './core/http-exchange.ts'
export { isSecretHeader, maskHeaderValue, maskSecrets, maskText, secretsInHeader } from './core/mask-secrets.ts'
export {
  defaultSecretHeaders,
  defaultSecretQueryParameters,
  secretHeadersEnvName,
  secretNames,
  secretNamesEnv,
  secretQueryParametersEnvName,
  type SecretNames,
  type SecretsConfig,
} from './core/secret-names.ts'

export {
  chromiumArgs,
  closeBrowser,
  openBrowserSession,
  sharedBrowser,
  type BrowserSession,
  type BrowserSessionOptions,
} from './core/browser-pool.ts'
export { browserWsEndpointEnvName, connectRemoteBrowser, remoteBrowserEndpoint } from './core/remote-browser.ts'
export {
  debianChromium,
  findChromium,
  NoChromiumError,
  type ChromiumChoice,
  type ChromiumLookup,
} from './core/chromium-path.ts'
export {
  bundledChromiumPackage,
  BundleUnavailable,
  extractBundledChromium,
  type BundledChromium,
  type BundleLookup,
} from './core/bundled-chromium.ts'

export {
  stopAllProcesses,
  SupervisedProcess,
  superviseProcess,
  type ExitInfo,
  type ProcessSpec,
  type ReadyInfo,
} from './core/process-supervisor.ts'
export type { ReadyCheck } from './core/wait-for-ready.ts'
