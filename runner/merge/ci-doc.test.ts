import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { copyFixtureProject } from './fixture-project.ts'
import { runParlance } from './run-parlance.ts'

// docs/ci.md's pipelines, run: every `npx parlance …` line of each YAML block,
// exactly as written, on a copy of the fixture project — each shard job, then
// the merge job. Change a command in the doc and this test runs the new one.
// biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub Actions' placeholder, as docs/ci.md writes it
const shardPlaceholder = '${{ matrix.shard }}'
const doc = readFileSync(fileURLToPath(new URL('../../docs/ci.md', import.meta.url)), 'utf8')
const blocks = [...doc.matchAll(/^## (.+)\n[\s\S]*?```yaml\n([\s\S]*?)```/gm)].map((match) => ({
  title: match[1]!,
  yaml: match[2]!,
}))
const commandsOf = (yaml: string): string[] =>
  [...yaml.matchAll(/(?:- |run: )npx parlance (.+)$/gm)].map((match) => match[1]!.trim())

/**
 * Each shard job's environment and arguments: GitLab's parallel: N sets CI_NODE_*, a GitHub matrix substitutes its
 * values.
 */
function shardJobs(yaml: string, command: string): { env: Record<string, string>; args: string[] }[] {
  const parallel = /^\s+parallel: (\d+)$/m.exec(yaml)
  if (parallel) {
    const total = Number(parallel[1])
    return Array.from({ length: total }, (_, i) => ({
      env: { CI_NODE_INDEX: String(i + 1), CI_NODE_TOTAL: String(total) },
      args: command.split(/\s+/),
    }))
  }
  const matrix = /^\s+shard: \[([\d, ]+)\]$/m.exec(yaml)
  if (!matrix) throw new Error('a pipeline in docs/ci.md has neither parallel: N nor a shard matrix')
  return matrix[1]!
    .split(',')
    .map((value) => ({ env: {}, args: command.replaceAll(shardPlaceholder, value.trim()).split(/\s+/) }))
}

describe('docs/ci.md', { timeout: 120_000 }, () => {
  test('has a GitLab and a GitHub Actions pipeline, each with shard runs and a merge', () => {
    expect(blocks.map((block) => block.title)).toEqual(['GitLab', 'GitHub Actions'])
    for (const { yaml } of blocks) {
      expect(commandsOf(yaml).filter((command) => command.startsWith('run'))).toHaveLength(1)
      expect(commandsOf(yaml).filter((command) => command.startsWith('merge'))).toHaveLength(1)
    }
  })

  test.each(blocks)(
    'the $title pipeline runs: every shard, then the merge, gives one green verdict on every scenario',
    async ({ yaml }) => {
      const project = copyFixtureProject()
      try {
        for (const command of commandsOf(yaml)) {
          const jobs = command.startsWith('run') ? shardJobs(yaml, command) : [{ env: {}, args: command.split(/\s+/) }]
          for (const { env, args } of jobs) {
            const { code, stdout, stderr } = await runParlance(args, project.dir, env)
            expect({ args, env, code, stderr }, stdout).toEqual({ args, env, code: 0, stderr: '' })
          }
        }
        for (const channel of ['api', 'ui']) {
          const merged = readFileSync(join(project.dir, 'reports', 'orders', channel, 'messages.ndjson'), 'utf8')
          expect(merged.match(/"testCaseStarted"/g), channel).toHaveLength(6)
        }
        expect(readFileSync(join(project.dir, 'reports', 'junit.xml'), 'utf8')).toContain('<testsuite')
      } finally {
        project.remove()
      }
    },
  )
})
