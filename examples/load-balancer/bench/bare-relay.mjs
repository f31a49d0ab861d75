// The floor under the load balancer: the least a Node proxy can do with the
// same parts (node:http in front, an undici Pool per backend behind), with
// nothing the load balancer adds — no Host routing, retries, X-Forwarded-*,
// timeouts, in-flight counts or metrics. What it costs per request is what
// Node's HTTP stack costs; the load balancer's CPU above it is its own.
// Usage: node bare-relay.mjs PORT HOST:PORT...; prints "listening on URL".
import { createServer } from 'node:http'
import { Pool } from 'undici'

const [port = '0', ...backends] = process.argv.slice(2)
if (backends.length === 0) {
  console.error('bare-relay: usage: node bare-relay.mjs PORT HOST:PORT...')
  process.exit(2)
}
const pools = backends.map((backend) => new Pool(`http://${backend}`, { pipelining: 1 }))
let next = 0

class Relay {
  constructor(res) {
    this.res = res
  }
  onConnect() {}
  onHeaders(status, raw, _resume, statusText) {
    const headers = []
    for (let i = 0; i < raw.length; i += 2) {
      const name = raw[i].toString('latin1')
      const lower = name.toLowerCase()
      if (lower !== 'connection' && lower !== 'keep-alive') headers.push(name, raw[i + 1].toString('latin1'))
    }
    this.res.writeHead(status, statusText, headers)
    return true
  }
  onData(chunk) {
    return this.res.write(chunk)
  }
  onComplete() {
    this.res.end()
  }
  onError() {
    this.res.destroy()
  }
}

const server = createServer((req, res) => {
  const pool = pools[next++ % pools.length]
  pool.dispatch({ method: req.method, path: req.url, headers: req.headers, body: null }, new Relay(res))
})
server.listen(Number(port), '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`))
process.on('SIGTERM', () => process.exit(0))
