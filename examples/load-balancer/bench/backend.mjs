// The benchmark's backend: a keep-alive node:http server with a short body,
// run by the Docker daemon emulator (PORT and CONTAINER_NAME come from the env).
// On SIGTERM (docker stop) it shuts down the usual Node way: stop accepting,
// answer what is in flight with `connection: close`, drop idle keep-alive
// connections, exit once every connection is gone.
import { createServer } from 'node:http'

const body = Buffer.from(`ok ${process.env.CONTAINER_NAME ?? 'backend'}\n`)
let stopping = false
const server = createServer((_request, response) => {
  const headers = { 'content-type': 'text/plain', 'content-length': body.length }
  response.writeHead(200, stopping ? { ...headers, connection: 'close' } : headers)
  response.end(body)
})
// Longer than the proxies keep idle upstream sockets, so the server never closes one under them mid-run.
server.keepAliveTimeout = 65_000
server.listen(Number(process.env.PORT ?? 0), process.env.LISTEN_HOST ?? '127.0.0.1')
process.on('SIGTERM', () => {
  stopping = true
  server.close(() => process.exit(0))
  server.closeIdleConnections()
})
