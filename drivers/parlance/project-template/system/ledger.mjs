// The ledger: the tiny long-lived system under test of a project that Parlance's
// own acceptance tests generate. It keeps customers' accounts in memory and
// records, under ../state/, each start (its pid) and each request it receives,
// so the tests can see what it saw. LEDGER_FAILS_SAYING makes it stop before
// it is ready, saying so; LEDGER_DIES_AFTER=N makes it die, as by kill -9,
// once it has answered N requests.
import { appendFileSync, mkdirSync } from 'node:fs'
import { createServer } from 'node:http'

const state = new URL('../state/', import.meta.url)
mkdirSync(state, { recursive: true })
appendFileSync(new URL('system-starts.log', state), `${process.pid}\n`)

console.log('ledger: opening the ledger')
const failure = process.env.LEDGER_FAILS_SAYING
if (failure) {
  console.error(`ledger: ${failure}`)
  process.exit(3)
}

const diesAfter = Number(process.env.LEDGER_DIES_AFTER ?? 0)
let answered = 0
const accounts = new Map()
const account = (name) => accounts.get(name) ?? { opened: false, paid: 0, bets: [] }

const server = createServer((request, response) => {
  let body = ''
  request.setEncoding('utf8')
  request.on('data', (chunk) => (body += chunk))
  request.on('end', () => {
    const [, kind, name, action] = request.url.split('/')
    appendFileSync(new URL('requests.log', state), `${request.method} ${kind} ${name ?? ''} ${action ?? ''}\n`)
    const send = (status, answer) => {
      const dying = diesAfter > 0 && ++answered >= diesAfter
      // `connection: close`: no client keeps a socket to a dead ledger.
      response.writeHead(status, { 'content-type': 'application/json', ...(dying ? { connection: 'close' } : {}) })
      response.end(JSON.stringify(answer), () => dying && process.kill(process.pid, 'SIGKILL'))
    }
    if (kind !== 'accounts' || !name) return send(404, { error: `no such thing: ${request.url}` })
    const current = account(name)
    if (request.method === 'GET' && !action) return send(200, { paid: current.paid, bets: current.bets })
    if (request.method !== 'POST') return send(405, { error: `${request.method} is not allowed on ${request.url}` })
    if (!action) {
      if (current.opened) return send(409, { error: `${name} already has an account` })
      accounts.set(name, { ...current, opened: true })
      return send(201, {})
    }
    const pence = Number(body)
    if (action === 'bets') accounts.set(name, { ...current, bets: [...current.bets, pence] })
    else if (action === 'payments') accounts.set(name, { ...current, paid: current.paid + pence })
    else if (action !== 'refunds') return send(404, { error: `no such thing: ${request.url}` })
    send(200, {})
  })
})
server.listen(0, '127.0.0.1', () => console.log(`ledger: listening on http://127.0.0.1:${server.address().port}`))
