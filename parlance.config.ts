import { defineConfig } from './runner/config/config.ts'

// `npm run acceptance`. The settlement engine starts once per run on a fresh
// data directory ({tempDir}: made for the run, removed after it), so every run
// starts from an empty log; the parlance domain is Parlance's acceptance tests
// of itself, with systems of its own projects. The load balancer runs against
// an emulated Docker daemon, started first; every load-balancer scenario
// deploys its own services on them (docs/examples/load-balancer.md).

export default defineConfig({
  systems: {
    settlement: {
      command: process.execPath,
      args: ['--import', 'tsx', 'examples/settlement-engine/main.ts', '--port', '0', '--data-dir', '{tempDir}'],
      ready: { log: /listening on (http:\/\/\S+)/ },
      env: { SETTLEMENT_URL: '{address}' },
    },
    docker: {
      command: process.execPath,
      args: ['--import', 'tsx', 'drivers/load-balancer/docker-daemon/main.ts', '--tcp-port', '0'],
      ready: { log: /docker daemon emulator listening on (tcp:\/\/\S+)/ },
      env: { DOCKER_URL: '{address}' },
    },
    'load-balancer': {
      command: process.execPath,
      args: [
        '--import',
        'tsx',
        'examples/load-balancer/main.ts',
        '--port',
        '0',
        '--admin-port',
        '0',
        '--docker-host',
        '{address:docker}',
      ],
      after: ['docker'],
      ready: { log: [/load balancer listening on (http:\/\/\S+)/, /load balancer admin on (?<admin>http:\/\/\S+)/] },
      env: { LB_URL: '{address}', LB_ADMIN_URL: '{admin}' },
    },
  },
  domains: {
    parlance: {
      features: ['specs/parlance/**/*.feature'],
      channels: ['cli'],
      support: ['specs/parlance/steps/**/*.ts'],
    },
    settlement: {
      features: ['specs/settlement/**/*.feature'],
      channels: ['api', 'ui', 'stream'],
      systems: ['settlement'],
      support: ['specs/settlement/steps/**/*.ts'],
    },
    'load-balancer': {
      features: ['specs/load-balancer/**/*.feature'],
      channels: ['http'],
      systems: ['load-balancer'],
      support: ['specs/load-balancer/steps/**/*.ts'],
    },
  },
  // Each channel's step timeout (30 s unless set; 60 s for a browser channel); workers: one per core unless set.
  channels: {
    ui: { browser: true },
    // A step of Parlance's own specs runs a whole project's suite, twice at most.
    cli: { stepTimeout: '2m' },
    // Load-balancer steps deploy and update services while bounded traffic runs.
    http: { stepTimeout: '90s' },
  },
  // Shared by every domain: Parlance's hooks, World and core parameter types. Each domain's steps are its own.
  support: ['specs/support/**/*.ts'],
})
