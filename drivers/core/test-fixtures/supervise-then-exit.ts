// Starts a supervised server with a grandchild, prints both pids, then exits without
// stopping it: the supervisor's exit hook must SIGKILL the whole group.
import { superviseProcess } from '../process-supervisor.ts'

const server = superviseProcess({
  name: 'orphan-candidate',
  command: process.execPath,
  args: ['tiny-server.mjs', '--grandchild'],
  cwd: import.meta.dirname,
  ready: { log: /listening on (\S+)/ },
})
const { pid } = await server.start()
const grandchild = server
  .lastLines()
  .join('\n')
  .match(/grandchild (\d+)/)?.[1]
console.log(JSON.stringify({ pid, grandchild: Number(grandchild) }))
process.exit(0)
