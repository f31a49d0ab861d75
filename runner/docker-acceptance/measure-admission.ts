import { Agent, request } from 'node:http'
import type { DockerEngineClient } from '../../drivers/load-balancer/docker-daemon/index.ts'
import type { AdmissionObservation, Poll } from './admission-figures.ts'
import { listenedAt } from './container-logs.ts'
import type { EngineRequests } from './engine-requests.ts'

/**
 * Where one measurement runs and how: the Engine API clients, the load
 * balancer's proxy URL, how often to poll, how long to keep polling after the
 * first 200 (to catch a 503 after it), the limit for one service, and what stops it early.
 *
 * @example
 *   declare const client: DockerEngineClient, engine: EngineRequests
 *   const how: AdmissionMeasurement = {
 *     client,
 *     engine,
 *     lbUrl: 'http://127.0.0.1:40123',
 *     pollMs: 5,
 *     holdMs: 1_000,
 *     deadlineMs: 10_000,
 *     signal: new AbortController().signal,
 *   }
 */
export interface AdmissionMeasurement {
  client: DockerEngineClient
  engine: EngineRequests
  lbUrl: string
  pollMs: number
  holdMs: number
  deadlineMs: number
  signal: AbortSignal
}

// What SwarmDriver.startReplica sends: the backend image, its port published on 127.0.0.1, labelled by Host.
const backendPort = 8080

/**
 * Creates and starts one container of `parlance/backend` for a new service
 * `service` (Host `<service>.admission.parlance.test`) and polls the load
 * balancer for that Host every `pollMs` from before `start` until a while
 * after the first 200; then reads when its app listened from the daemon's
 * timestamp on its `listening on` line, and removes the container.
 *
 * @example
 *   declare const how: AdmissionMeasurement
 *   const seen = await measureAdmission('svc-1', how)
 *   seen.listenedAt // 1796686801123.4568
 */
export async function measureAdmission(service: string, how: AdmissionMeasurement): Promise<AdmissionObservation> {
  const host = `${service}.admission.parlance.test`
  const { Id } = await how.client.create(`admission-${service}`, {
    Image: 'parlance/backend:latest',
    Labels: { 'lb.host': host, 'lb.port': String(backendPort) },
    Env: [`PORT=${backendPort}`, `CONTAINER_NAME=${service}`],
    ExposedPorts: { [`${backendPort}/tcp`]: {} },
    HostConfig: { PortBindings: { [`${backendPort}/tcp`]: [{ HostIp: '127.0.0.1', HostPort: '' }] } },
  })
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  const polls: Poll[] = []
  const stop = new AbortController()
  const abort = (): void => stop.abort()
  how.signal.addEventListener('abort', abort)
  try {
    const pollingDone = pollUntil(polls, stop.signal, host, agent, how)
    let startedAt: number
    try {
      await how.client.start(Id)
      startedAt = Date.now()
    } catch (error) {
      stop.abort()
      throw error
    } finally {
      await pollingDone
    }
    return { service, startedAt, listenedAt: listenedAt(await how.engine.logLines(Id)), polls }
  } finally {
    how.signal.removeEventListener('abort', abort)
    agent.destroy()
    await how.client.remove(Id, { force: true })
  }
}

// Polls from before `start` until `holdMs` after the first 200, `deadlineMs` after it began, or `stop`.
async function pollUntil(
  polls: Poll[],
  stop: AbortSignal,
  host: string,
  agent: Agent,
  how: AdmissionMeasurement,
): Promise<void> {
  const began = Date.now()
  let firstOkAt: number | undefined
  while (!stop.aborted) {
    const now = Date.now()
    if (firstOkAt !== undefined && now - firstOkAt >= how.holdMs) return
    if (now - began >= how.deadlineMs) return
    const poll = await pollOnce(how.lbUrl, host, agent)
    polls.push(poll)
    if (poll.status === 200) firstOkAt ??= poll.answeredAt
    const wait = poll.sentAt + how.pollMs - Date.now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
  }
}

function pollOnce(lbUrl: string, host: string, agent: Agent): Promise<Poll> {
  const sentAt = Date.now()
  return new Promise((resolve) => {
    const answered = (status: number): void => resolve({ sentAt, answeredAt: Date.now(), status })
    const req = request(lbUrl, { agent, headers: { host }, timeout: 2_000 }, (res) => {
      res.resume()
      res.on('end', () => answered(res.statusCode ?? 0))
      res.on('error', () => answered(0))
    })
    req.on('timeout', () => req.destroy(new Error('no answer within 2 s')))
    req.on('error', () => answered(0))
    req.end()
  })
}
