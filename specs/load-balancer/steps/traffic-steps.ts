import { Given, Then, When } from '@cucumber/cucumber'
import type { ParlanceWorld } from '../../../dsl/index.ts'
import { loadBalancer } from '../../../dsl/load-balancer/index.ts'

When('{int} requests arrive over {period}', function (this: ParlanceWorld, requests: number, over: string) {
  return this.use(loadBalancer).traffic.start({ requests, over })
})

When('{int} requests arrive one after another', function (this: ParlanceWorld, requests: number) {
  return this.use(loadBalancer).traffic.start({ requests, oneAfterAnother: true })
})

When('a request arrives for the {word} service', function (this: ParlanceWorld, service: string) {
  return this.use(loadBalancer).traffic.start({ service, requests: 1 })
})

When(
  '{int} requests arrive for each of the {word} and {word} services over {period}',

  function (this: ParlanceWorld, requests: number, first: string, second: string, over: string) {
    return this.use(loadBalancer).traffic.sendToEach({ services: [first, second], requests, over })
  },
)

Given('a slow request, taking {period}, is being answered', function (this: ParlanceWorld, lasting: string) {
  return this.use(loadBalancer).traffic.slowRequest({ lasting })
})

Then('no request fails', function (this: ParlanceWorld) {
  return this.use(loadBalancer).traffic.expectNoFailures()
})

Then('each replica answers {int} of them', function (this: ParlanceWorld, requests: number) {
  return this.use(loadBalancer).traffic.expectEachReplicaAnswers({ requests })
})

Then('replica {int} answers none of them', function (this: ParlanceWorld, replica: number) {
  return this.use(loadBalancer).traffic.expectNoneAnsweredBy({ replica })
})

Then('replica {int} answers none of the requests sent after it ended', function (this: ParlanceWorld, replica: number) {
  return this.use(loadBalancer).traffic.expectNoneAnsweredBy({ replica, onlyAfterItEnded: true })
})

Then('replica {int} receives traffic within {period}', function (this: ParlanceWorld, replica: number, within: string) {
  return this.use(loadBalancer).swarm.expectReceivesTraffic({ replica, within })
})

Then('the other replica answers all of them', function (this: ParlanceWorld) {
  return this.use(loadBalancer).traffic.expectAllAnsweredByAnotherThanTheBusyReplica()
})

Then('the slow request is answered', function (this: ParlanceWorld) {
  return this.use(loadBalancer).traffic.expectSlowRequestAnswered()
})

Then(/^(?:it is|they are) answered "service unavailable", with a time to retry$/, function (this: ParlanceWorld) {
  return this.use(loadBalancer).traffic.expectServiceUnavailable()
})

Then('it is refused as not found, naming the host', function (this: ParlanceWorld) {
  return this.use(loadBalancer).traffic.expectRefusedAsNotFound()
})

Then('every request is answered by a replica of the service it was sent to', function (this: ParlanceWorld) {
  return this.use(loadBalancer).traffic.expectEachServiceAnsweredOnlyByItsOwnReplicas()
})

Then('{int} more requests are all answered by the new version', async function (this: ParlanceWorld, requests: number) {
  const { traffic } = this.use(loadBalancer)
  await traffic.send({ requests })
  await traffic.expectLastAnsweredByVersion({ requests })
})
