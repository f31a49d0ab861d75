// A GET with a chosen Host header and a fresh connection, so no test shares
// a kept-alive socket with another or with the program's shutdown.
import { request, type Agent, type IncomingHttpHeaders } from 'node:http'

/** What came back: status, headers and the whole body as text. */
export interface HttpAnswer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/**
 * Sends `GET url` with Host `host` (the URL's own host when omitted), failing after `timeoutMs`;
 * on a fresh connection unless a keep-alive `agent` is given.
 *
 * @example
 *   const proxy = 'http://127.0.0.1:8080'
 *   const answer = await get(`${proxy}/hello`, 'shop.test')
 *   answer.status // 200
 */
export function get(
  url: string,
  host?: string,
  { timeoutMs = 10_000, agent }: { timeoutMs?: number; agent?: Agent } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { headers: host === undefined ? {} : { host }, agent: agent ?? false, timeout: timeoutMs },
      (res) => {
        let body = ''
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
        res.on('error', reject)
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('timeout', () =>
      req.destroy(new Error(`GET ${url} (Host ${host ?? 'default'}) got no answer within ${timeoutMs} ms`)),
    )
    req.on('error', reject).end()
  })
}

/**
 * The backend's JSON answer behind the proxy: which container served the request.
 *
 * @example
 *   const { container } = await getBackend('http://127.0.0.1:8080', 'shop.test') // 'shop-1'
 */
export async function getBackend(
  proxy: string,
  host: string,
  path = '/',
): Promise<{ container: string; path: string }> {
  const answer = await get(`${proxy}${path}`, host)
  if (answer.status !== 200)
    throw new Error(`GET ${path} for ${host} answered ${answer.status}, expected 200: ${answer.body}`)
  return JSON.parse(answer.body) as { container: string; path: string }
}
