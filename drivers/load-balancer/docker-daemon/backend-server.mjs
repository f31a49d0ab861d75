// The default container backend: answers every request with its container name,
// how many requests it has served and the path. PORT and CONTAINER_NAME come from the env;
// LISTEN_HOST is 127.0.0.1 unless set (backend.Dockerfile sets 0.0.0.0 for a real container).
//   GET /health      → 200 {"status":"ok"} (not counted)
//   HEAD /any         → 200, no body (not counted: a load balancer's probe asks whether the app answers yet)
//   GET /any?delay=MS → the answer after MS ms (0–30000; 400 otherwise)
// Connections are kept alive. On SIGTERM it stops accepting, finishes the requests
// in flight, then exits 0, as a well-behaved service does when `docker stop`ped.
import { createServer } from 'node:http'

const name = process.env.CONTAINER_NAME ?? 'backend'
let requests = 0
let closing = false
const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://backend')
  if (url.pathname === '/health') return send(response, 200, { status: 'ok', container: name })
  if (request.method === 'HEAD') return send(response, 200, {})
  const raw = url.searchParams.get('delay')
  const delayMs = raw === null ? 0 : Number(raw)
  if (!Number.isInteger(delayMs) || delayMs < 0 || delayMs > 30_000) {
    return send(response, 400, {
      error: `delay must be a whole number of milliseconds from 0 to 30000, got ${JSON.stringify(raw)}`,
      container: name,
    })
  }
  requests += 1
  const body = { container: name, requests, path: request.url }
  if (delayMs === 0) return send(response, 200, body)
  setTimeout(() => send(response, 200, body), delayMs)
})

function send(response, status, body) {
  // Once closing, each answer ends its connection, so server.close() completes after the last one.
  response.writeHead(status, { 'content-type': 'application/json', ...(closing ? { connection: 'close' } : {}) })
  response.end(JSON.stringify(body))
}

// LISTEN_AT_MS (unix ms): listen no earlier, as a real app does some 120-150 ms after its container's `start`.
const listenInMs = Math.max(0, Number(process.env.LISTEN_AT_MS ?? 0) - Date.now())
setTimeout(() => {
  server.listen(Number(process.env.PORT ?? 0), process.env.LISTEN_HOST ?? '127.0.0.1', () => {
    process.stdout.write(`listening on ${server.address().port}\n`)
  })
}, listenInMs)
process.on('SIGTERM', () => {
  closing = true
  server.close(() => process.exit(0))
  // Idle keep-alive connections would hold close() open forever; busy ones end after their answer.
  server.closeIdleConnections()
})
