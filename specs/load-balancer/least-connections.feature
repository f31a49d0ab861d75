@story:LB-3
Feature: The least busy replica gets the next request
  A load balancer started with the least-connections strategy sends each
  new request to the replica with the fewest requests in flight, so one slow
  request does not hold up the ones queued behind it.

  Background:
    Given a load balancer of the scenario's own, balancing by least connections

  Rule: A replica busy with a slow request gets no new request while another is idle

    Scenario: One of 2 replicas is answering a slow request
      Given the reports service runs 2 replicas
      And a slow request, taking 3 seconds, is being answered
      When 10 requests arrive one after another
      Then the other replica answers all of them
      And the slow request is answered
