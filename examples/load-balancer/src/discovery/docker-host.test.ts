import { describe, expect, it } from 'vitest'
import { parseDockerHost, requestOptionsFor, resolveDockerHost } from './docker-host.ts'

const forms = 'accepted forms: unix:///path/to/docker.sock or tcp://HOST:PORT (e.g. tcp://127.0.0.1:2375)'

describe('parseDockerHost', () => {
  it('parses a unix socket into a socketPath', () => {
    const host = parseDockerHost('unix:///var/run/docker.sock')
    expect(host).toEqual({ kind: 'unix', socketPath: '/var/run/docker.sock', url: 'unix:///var/run/docker.sock' })
    expect(requestOptionsFor(host)).toEqual({ socketPath: '/var/run/docker.sock' })
  })

  it('parses tcp into host and port', () => {
    const host = parseDockerHost('tcp://127.0.0.1:2375')
    expect(host).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 2375, url: 'tcp://127.0.0.1:2375' })
    expect(requestOptionsFor(host)).toEqual({ host: '127.0.0.1', port: 2375 })
    expect(parseDockerHost('tcp://[::1]:2375/')).toMatchObject({ host: '::1', port: 2375 })
    expect(parseDockerHost('tcp://docker.internal:2375')).toMatchObject({ host: 'docker.internal', port: 2375 })
  })

  it.each([
    ['http://127.0.0.1:2375', 'unsupported scheme'],
    ['/var/run/docker.sock', 'unsupported scheme'],
    ['unix://var/run/docker.sock', 'the unix socket path must be absolute'],
    ['tcp://127.0.0.1', 'a tcp address needs a host and a port'],
    ['tcp://:2375', 'a tcp address needs a host and a port'],
    ['tcp://127.0.0.1:99999', 'port 99999 is not in 1-65535'],
    ['tcp://127.0.0.1:0', 'port 0 is not in 1-65535'],
  ])('rejects %s', (value, what) => {
    expect(() => parseDockerHost(value)).toThrow(`--docker-host ${JSON.stringify(value)}: ${what}; ${forms}`)
  })
})

describe('resolveDockerHost', () => {
  it('prefers the flag, then DOCKER_HOST, then the default socket', () => {
    const env = { DOCKER_HOST: 'tcp://10.0.0.1:2375' }
    expect(resolveDockerHost({ flag: 'unix:///tmp/d.sock', env }).url).toBe('unix:///tmp/d.sock')
    expect(resolveDockerHost({ env }).url).toBe('tcp://10.0.0.1:2375')
    expect(resolveDockerHost({ env: { DOCKER_HOST: '' } }).url).toBe('unix:///var/run/docker.sock')
    expect(resolveDockerHost({}).url).toBe('unix:///var/run/docker.sock')
  })

  it('names DOCKER_HOST, not the flag, when the environment variable is bad', () => {
    expect(() => resolveDockerHost({ env: { DOCKER_HOST: 'ssh://me@host' } })).toThrow(
      `DOCKER_HOST "ssh://me@host": unsupported scheme; ${forms}`,
    )
  })
})
