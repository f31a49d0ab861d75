// The default container backend: answers every request with its container name
// and how many requests it has served. PORT and CONTAINER_NAME come from the env.
import { createServer } from 'node:http'

const name = process.env.CONTAINER_NAME ?? 'backend'
let requests = 0
const server = createServer((request, response) => {
  requests += 1
  response.writeHead(200, { 'content-type': 'application/json', connection: 'close' })
  response.end(JSON.stringify({ container: name, requests, path: request.url }))
})
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening on ${server.address().port}\n`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
