import { SystemCompromisedError } from '../../core/errors/system-compromised-error.ts'

/**
 * The Docker daemon refused a request: carries the HTTP status and Docker's own `message`.
 * The outcome is system-compromised: a spec's setup could not be done.
 *
 * @example
 *   declare const client: import('./engine-client.ts').DockerEngineClient
 *   const error = await client.inspect('web-9').catch((thrown: unknown) => thrown)
 *   if (error instanceof DockerEngineError && error.status === 404) error.message
 *   // → 'DockerEngineClient.inspect: GET /v1.43/containers/web-9/json answered 404: No such container: web-9'
 */
export class DockerEngineError extends SystemCompromisedError {
  // `name` stays 'SystemCompromisedError': reports group errors by outcome, and this is one.
  constructor(
    message: string,
    readonly status: number,
    readonly dockerMessage: string,
    request: string,
  ) {
    super(message, { context: { request } })
  }
}
