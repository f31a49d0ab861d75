import { expect, test } from 'vitest'
import { chainPolicy, dockerChains, iptablesCleanup } from './iptables-cleanup.ts'

// As Docker 20.10 leaves them (iptables -S), with a rule and a chain of someone else's that must stay.
const filter = [
  '-P INPUT ACCEPT',
  '-P FORWARD DROP',
  '-N DOCKER',
  '-N DOCKER-ISOLATION-STAGE-1',
  '-N DOCKER-ISOLATION-STAGE-2',
  '-N DOCKER-USER',
  '-N MINE',
  '-A INPUT -p tcp --dport 22 -j ACCEPT',
  '-A FORWARD -j DOCKER-USER',
  '-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
  '-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2',
  '-A DOCKER-USER -j RETURN',
  '-A MINE -j RETURN',
]

test("iptablesCleanup deletes the built-in chains' Docker rules, then flushes and deletes the Docker chains", () => {
  expect(iptablesCleanup('filter', filter).map((args) => args.join(' '))).toEqual([
    '-t filter -D FORWARD -j DOCKER-USER',
    '-t filter -D FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
    '-t filter -F DOCKER',
    '-t filter -F DOCKER-ISOLATION-STAGE-1',
    '-t filter -F DOCKER-ISOLATION-STAGE-2',
    '-t filter -F DOCKER-USER',
    '-t filter -X DOCKER',
    '-t filter -X DOCKER-ISOLATION-STAGE-1',
    '-t filter -X DOCKER-ISOLATION-STAGE-2',
    '-t filter -X DOCKER-USER',
  ])
  const nat = [
    '-N DOCKER',
    '-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
    '-A DOCKER -i docker0 -j RETURN',
  ]
  expect(iptablesCleanup('nat', nat).map((args) => args.join(' '))).toEqual([
    '-t nat -D POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
    '-t nat -F DOCKER',
    '-t nat -X DOCKER',
  ])
  expect(iptablesCleanup('nat', ['-P PREROUTING ACCEPT'])).toEqual([])
})

test('dockerChains and chainPolicy read a listing', () => {
  expect(dockerChains(filter)).toEqual([
    'DOCKER',
    'DOCKER-ISOLATION-STAGE-1',
    'DOCKER-ISOLATION-STAGE-2',
    'DOCKER-USER',
  ])
  expect([chainPolicy(filter, 'FORWARD'), chainPolicy(filter, 'OUTPUT')]).toEqual(['DROP', undefined])
})
