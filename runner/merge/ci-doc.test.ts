import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { copyFixtureProject } from './fixture-project.ts'
import { runParlance } from './run-parlance.ts'

// docs/ci.md's pipelines, run: every `npx parlance …` line of each section's YAML,
// exactly as written, on a copy of the fixture project — each shard job with the
// variables its CI sets, then the merge job. Change a command in the doc and
// this test runs the new one.
// biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub Actions' placeholder, as docs/ci.md writes it
const shardPlaceholder = '${{ matrix.shard }}'
const doc = readFileSync(fileURLToPath(new URL('../../docs/ci.md', import.meta.url)), 'utf8')
// A pipeline is a section whose YAML runs parlance merge.
const blocks = doc
  .split(/^## /m)
  .slice(1)
  .map((section) => ({
    title: section.slice(0, section.indexOf('\n')),
    yaml: [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!).join(''),
  }))
  .filter((block) => /npx parlance merge/.test(block.yaml))
const commandsOf = (yaml: string): string[] =>
  [...yaml.matchAll(/(?:- |run: )npx parlance (.+)$/gm)].map((match) => match[1]!.trim())

/** How many parallel jobs a pipeline's YAML asks for: `parallel: N`, `parallelism: N` or `completions: N`. */
function jobCount(yaml: string, key: string): number {
  const match = new RegExp(`^\\s+${key}: (\\d+)$`, 'm').exec(yaml)
  if (!match) throw new Error(`a pipeline in docs/ci.md has no ${key}: N`)
  return Number(match[1])
}

/**
 * Each shard job's environment and arguments, as its CI gives them: GitLab's parallel: N sets CI_NODE_* (from 1),
 * Buildkite's and CircleCI's parallelism: N their own pair (from 0), an Indexed Job JOB_COMPLETION_INDEX (from 0)
 * beside the PARLANCE_SHARD_TOTAL its YAML sets; a GitHub matrix substitutes its values.
 */
function shardJobs(title: string, yaml: string, command: string): { env: Record<string, string>; args: string[] }[] {
  const args = command.split(/\s+/)
  const jobs = (count: number, env: (index: number) => Record<string, string>) =>
    Array.from({ length: count }, (_, i) => ({ env: env(i), args }))
  if (title === 'GitLab') {
    const total = jobCount(yaml, 'parallel')
    return jobs(total, (i) => ({ CI_NODE_INDEX: String(i + 1), CI_NODE_TOTAL: String(total) }))
  }
  if (title === 'Buildkite') {
    const total = jobCount(yaml, 'parallelism')
    return jobs(total, (i) => ({ BUILDKITE_PARALLEL_JOB: String(i), BUILDKITE_PARALLEL_JOB_COUNT: String(total) }))
  }
  if (title === 'CircleCI') {
    const total = jobCount(yaml, 'parallelism')
    return jobs(total, (i) => ({ CIRCLE_NODE_INDEX: String(i), CIRCLE_NODE_TOTAL: String(total) }))
  }
  if (title === 'Kubernetes Indexed Job') {
    const total = /- name: PARLANCE_SHARD_TOTAL\n\s+value: "(\d+)"/.exec(yaml)
    if (!total) throw new Error('the Kubernetes Indexed Job in docs/ci.md sets no PARLANCE_SHARD_TOTAL')
    return jobs(jobCount(yaml, 'completions'), (i) => ({
      JOB_COMPLETION_INDEX: String(i),
      PARLANCE_SHARD_TOTAL: total[1]!,
    }))
  }
  const matrix = /^\s+shard: \[([\d, ]+)\]$/m.exec(yaml)
  if (!matrix) throw new Error(`the ${title} pipeline in docs/ci.md has neither parallel jobs nor a shard matrix`)
  return matrix[1]!
    .split(',')
    .map((value) => ({ env: {}, args: command.replaceAll(shardPlaceholder, value.trim()).split(/\s+/) }))
}

/** Where a shard job's run says its shard came from: the CI's variables, or --shard. */
const shardSource = (env: Record<string, string>, args: string[]): string =>
  Object.keys(env).length > 0
    ? Object.entries(env)
        .map(([name, value]) => `${name}=${value}`)
        .join(', ')
    : `--shard ${args[args.indexOf('--shard') + 1]}`

describe('docs/ci.md', { timeout: 120_000 }, () => {
  test('has a pipeline for each CI, each with shard runs and a merge', () => {
    expect(blocks.map((block) => block.title)).toEqual([
      'GitLab',
      'GitHub Actions',
      'Buildkite',
      'CircleCI',
      'Kubernetes Indexed Job',
    ])
    for (const { yaml } of blocks) {
      expect(commandsOf(yaml).filter((command) => command.startsWith('run'))).toHaveLength(1)
      expect(commandsOf(yaml).filter((command) => command.startsWith('merge'))).toHaveLength(1)
    }
  })

  test.each(blocks)(
    'the $title pipeline runs: every shard, then the merge, gives one green verdict on every scenario',
    async ({ title, yaml }) => {
      const project = copyFixtureProject()
      try {
        for (const command of commandsOf(yaml)) {
          const jobs = command.startsWith('run')
            ? shardJobs(title, yaml, command)
            : [{ env: {}, args: command.split(/\s+/) }]
          for (const { env, args } of jobs) {
            const { code, stdout, stderr } = await runParlance(args, project.dir, env)
            expect({ args, env, code, stderr }, stdout).toEqual({ args, env, code: 0, stderr: '' })
            if (args[0] === 'run') expect(stdout).toContain(`(from ${shardSource(env, args)}) · `)
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
