// A tiny HTTP server for the process supervisor's tests. It listens on a free port of
// 127.0.0.1 and prints `listening on http://127.0.0.1:PORT`. Flags change how it behaves:
//   --exit-early      write two lines to stderr and exit with code 3 instead of listening
//   --never-ready     print "warming up" and never listen
//   --unhealthy       answer 503 on /health
//   --grandchild      first start a child process of its own and print `grandchild PID`
//   --ignore-sigterm  print a line on SIGTERM and keep running
//   --leak-secrets    write a database URL with credentials and an Authorization header to stderr, then exit with 3
// GET /exit answers, then exits with code 4: a system that ends by itself mid-run.
import { spawn } from 'node:child_process'
import { createServer } from 'node:http'

const flags = new Set(process.argv.slice(2))
const forever = () => setInterval(() => {}, 1 << 30)

if (flags.has('--exit-early')) {
  // Both on stderr: lines of two pipes arrive in no guaranteed order, and the test asserts the exact message.
  console.error('starting up')
  console.error('Error: the database is gone')
  process.exit(3)
}
if (flags.has('--leak-secrets')) {
  console.error('connecting to postgres://ledger:hunter2-pw@db:5432/ledger?sslmode=require&password=hunter2-pw')
  console.error('Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig')
  process.exit(3)
}
if (flags.has('--ignore-sigterm')) process.on('SIGTERM', () => console.log('ignoring SIGTERM'))
if (flags.has('--grandchild')) {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1 << 30)'], { stdio: 'ignore' })
  console.log(`grandchild ${child.pid}`)
}
if (flags.has('--never-ready')) {
  console.log('warming up')
  forever()
} else {
  const server = createServer((req, res) => {
    if (req.url === '/exit') return res.end('bye', () => process.exit(4))
    const unhealthy = req.url === '/health' && flags.has('--unhealthy')
    res
      .writeHead(unhealthy ? 503 : 200, { 'content-type': 'text/plain' })
      .end(unhealthy ? 'warming up' : `hello from ${process.pid}`)
  })
  server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`))
}
