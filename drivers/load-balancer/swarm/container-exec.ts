import { request } from 'node:http'
import { SystemCompromisedError } from '../../core/errors/system-compromised-error.ts'

/**
 * Runs a command inside a running container through the Engine API (`docker
 * exec`: `POST /containers/{id}/exec`, `POST /exec/{id}/start`, then
 * `GET /exec/{id}/json` until it has ended) and returns its exit code. The
 * paths carry no API version, so any daemon answers in its own.
 *
 * @example
 *   await execInContainer({ url: 'tcp://127.0.0.1:2375' }, 'f00dcafe', ['touch', '/tmp/ready']) // 0
 */
export async function execInContainer(
  target: { url: string } | { socketPath: string },
  id: string,
  command: readonly string[],
  timeoutMs = 10_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs
  const what = `docker exec ${id.slice(0, 12)} ${command.join(' ')}`
  const created = await call(target, what, 'POST', `/containers/${id}/exec`, {
    Cmd: command,
    AttachStdout: false,
    AttachStderr: false,
  })
  const execId = (created as { Id?: unknown }).Id
  if (typeof execId !== 'string') throw new SystemCompromisedError(`${what}: the daemon gave no exec id`)
  await call(target, what, 'POST', `/exec/${execId}/start`, { Detach: true })
  while (Date.now() < deadline) {
    const state = (await call(target, what, 'GET', `/exec/${execId}/json`)) as { Running?: boolean; ExitCode?: number }
    if (state.Running === false && typeof state.ExitCode === 'number') return state.ExitCode
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new SystemCompromisedError(`${what}: still running after ${timeoutMs} ms; is the container frozen?`)
}

function call(
  target: { url: string } | { socketPath: string },
  what: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const payload = body === undefined ? undefined : JSON.stringify(body)
  const where =
    'socketPath' in target
      ? { socketPath: target.socketPath }
      : { host: new URL(target.url).hostname, port: new URL(target.url).port }
  return new Promise((resolve, reject) => {
    const req = request(
      {
        ...where,
        method,
        path,
        timeout: 10_000,
        headers: payload === undefined ? {} : { 'content-type': 'application/json' },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => {
          if ((res.statusCode ?? 0) >= 400) {
            return reject(
              new SystemCompromisedError(`${what}: ${method} ${path} answered ${res.statusCode}: ${text.trim()}`),
            )
          }
          resolve(text.trim() === '' ? {} : JSON.parse(text))
        })
      },
    )
    req.on('timeout', () => req.destroy(new Error(`no answer within 10000 ms`)))
    req.on('error', (error) =>
      reject(new SystemCompromisedError(`${what}: ${method} ${path} failed: ${error.message}`, { cause: error })),
    )
    req.end(payload)
  })
}
